package org.readroom.kiosk.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.ServerConnection;

/**
 * Streams answer changes to the server in sequence order, one in flight at a time, until each is acknowledged. When
 * the server cannot be reached the candidate keeps working: changes queue up and are resent with backoff.
 */
public final class AnswerSync {

    /** How the stream stands, for the status line on screen. */
    public enum State {
        SAVED,
        SAVING,
        OFFLINE,
        REJECTED
    }

    /** Told of every change of state; called on the sync's own threads. */
    public interface Listener {
        void changed(State state, int pending, long lastAcknowledged, ErrorCode rejection);
    }

    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final KioskApi api;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    private final Deque<AnswerSave> queue = new ArrayDeque<>();
    private long nextSequence;
    private long lastAcknowledged;
    private boolean inFlight;
    private long backoffMillis = 500;
    private ErrorCode rejection;
    private CompletableFuture<Void> drained = CompletableFuture.completedFuture(null);

    /** @param lastSequence the highest sequence number the server already holds for this candidate */
    public AnswerSync(KioskApi api, long lastSequence, ScheduledExecutorService scheduler, Listener listener) {
        this.api = api;
        this.scheduler = scheduler;
        this.listener = listener;
        this.nextSequence = lastSequence + 1;
        this.lastAcknowledged = lastSequence;
    }

    /** Queues one answer change and returns its sequence number. */
    public synchronized long save(String itemId, Set<String> choices, String text) {
        if (rejection != null) {
            throw new ApiException(rejection, "answers are no longer accepted");
        }
        AnswerSave save = new AnswerSave(nextSequence++, itemId, choices, text);
        queue.addLast(save);
        if (drained.isDone()) {
            drained = new CompletableFuture<>();
        }
        pump();
        return save.sequence();
    }

    /** Completes when every queued change is acknowledged, or fails when the server rejected the stream. */
    public synchronized CompletableFuture<Void> drained() {
        return drained;
    }

    public synchronized long lastSequence() {
        return nextSequence - 1;
    }

    public synchronized long lastAcknowledged() {
        return lastAcknowledged;
    }

    public synchronized int pending() {
        return queue.size();
    }

    private synchronized void pump() {
        if (inFlight || queue.isEmpty() || rejection != null) {
            return;
        }
        inFlight = true;
        AnswerSave head = queue.peekFirst();
        notifyListener(State.SAVING);
        api.save(head).whenComplete((ack, failure) -> onResult(head, failure));
    }

    private void onResult(AnswerSave sent, Throwable failure) {
        synchronized (this) {
            inFlight = false;
            if (failure == null) {
                queue.pollFirst();
                lastAcknowledged = sent.sequence();
                backoffMillis = 500;
                if (queue.isEmpty()) {
                    drained.complete(null);
                    notifyListener(State.SAVED);
                }
                pump();
                return;
            }
            ApiException error = ServerConnection.errorOf(failure);
            if (error.error() == ErrorCode.SERVER_UNREACHABLE || error.error() == ErrorCode.INTERNAL) {
                notifyListener(State.OFFLINE);
                long delay = backoffMillis;
                backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
                scheduler.schedule(this::pump, delay, TimeUnit.MILLISECONDS);
                return;
            }
            // The server refused for a reason resending cannot fix (time over, submitted, logged out).
            rejection = error.error();
            drained.completeExceptionally(error);
            notifyListener(State.REJECTED);
        }
    }

    private void notifyListener(State state) {
        listener.changed(state, queue.size(), lastAcknowledged, rejection);
    }
}
