package org.readroom.kiosk.sync;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.journal.AnswerChain;
import org.readroom.core.journal.AnswerJournal;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.AnswerAck;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.ServerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams answer changes to the server in sequence order, one in flight at a time, until each is acknowledged. Each
 * change is hash-chained to the one before and written to the encrypted local journal before it is sent. When the
 * server cannot be reached the candidate keeps working: changes queue up and are resent with backoff; a kiosk
 * relaunched after a crash replays from the journal what the server never acknowledged.
 */
public final class AnswerSync {

    /** How the stream stands, for the status line on screen. */
    public enum State {
        SAVED,
        SAVING,
        OFFLINE,
        REJECTED,
        /**
         * The server stored a change but did not count it: a paper rule refused it (a section out of time, say); the
         * code comes as {@code rejection}, and later changes go on as usual.
         */
        NOT_COUNTED
    }

    /** Told of every change of state; called on the sync's own threads. */
    public interface Listener {
        void changed(State state, int pending, long lastAcknowledged, ErrorCode rejection);
    }

    private static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AnswerSync.class);

    private final KioskApi api;
    private final AnswerJournal journal;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    private final Deque<AnswerSave> queue = new ArrayDeque<>();
    private final List<AnswerSave> replayed = new ArrayList<>();
    private long nextSequence;
    private long lastAcknowledged;
    private String head;
    private boolean inFlight;
    private long backoffMillis = 500;
    private ErrorCode rejection;
    private CompletableFuture<Void> drained = CompletableFuture.completedFuture(null);

    /**
     * Starts the stream where the server's record ends and replays, from the local journal, every change the server
     * has not acknowledged (those that chain on from the server's head; anything else belongs to another sitting).
     *
     * @param lastSequence the highest sequence number the server already holds for this candidate
     * @param chainHead the hash of that change (the chain's genesis when the server holds none)
     * @param journal this candidate's local journal: each change is written there before it is sent
     */
    public AnswerSync(
            KioskApi api,
            long lastSequence,
            String chainHead,
            AnswerJournal journal,
            ScheduledExecutorService scheduler,
            Listener listener) {
        this.api = api;
        this.journal = journal;
        this.scheduler = scheduler;
        this.listener = listener;
        this.nextSequence = lastSequence + 1;
        this.lastAcknowledged = lastSequence;
        this.head = chainHead;
        for (AnswerSave entry : journal.entries()) {
            if (entry.sequence() == nextSequence
                    && AnswerChain.next(head, entry).equals(entry.hash())) {
                replayed.add(entry);
                queue.addLast(entry);
                head = entry.hash();
                nextSequence++;
            }
        }
        if (!queue.isEmpty()) {
            drained = new CompletableFuture<>();
            pump();
        }
    }

    /** The changes replayed from the journal at start: made on this kiosk but never acknowledged. */
    public List<AnswerSave> replayed() {
        return List.copyOf(replayed);
    }

    /**
     * Chains one answer change, writes it to the journal, queues it and returns its sequence number. A journal that
     * cannot be written (a full disk) does not stop the change from being sent; it is logged.
     */
    public synchronized long save(String itemId, Set<String> choices, String text) {
        if (rejection != null) {
            throw new ApiException(rejection, "answers are no longer accepted");
        }
        AnswerSave unhashed = new AnswerSave(nextSequence, itemId, choices, text, null);
        AnswerSave save = new AnswerSave(nextSequence, itemId, choices, text, AnswerChain.next(head, unhashed));
        try {
            journal.append(save);
        } catch (IOException e) {
            LOG.error("answer {} not written to the local journal; sending it anyway", save.sequence(), e);
        }
        nextSequence++;
        head = save.hash();
        queue.addLast(save);
        if (drained.isDone()) {
            drained = new CompletableFuture<>();
        }
        pump();
        return save.sequence();
    }

    /** The hash of the last change made on this kiosk, which the hand-in names. */
    public synchronized String chainHead() {
        return head;
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
        api.save(head).whenComplete((ack, failure) -> onResult(head, ack, failure));
    }

    private void onResult(AnswerSave sent, AnswerAck ack, Throwable failure) {
        synchronized (this) {
            inFlight = false;
            if (failure == null) {
                queue.pollFirst();
                lastAcknowledged = sent.sequence();
                backoffMillis = 500;
                if (ack != null && ack.notCounted() != null) {
                    listener.changed(State.NOT_COUNTED, queue.size(), lastAcknowledged, ack.notCounted());
                }
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
            // The server refused for a reason resending cannot fix (time over, submitted, moved, voided).
            rejection = error.error();
            drained.completeExceptionally(error);
            notifyListener(State.REJECTED);
        }
    }

    private void notifyListener(State state) {
        listener.changed(state, queue.size(), lastAcknowledged, rejection);
    }
}
