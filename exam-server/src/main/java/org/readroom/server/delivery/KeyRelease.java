package org.readroom.server.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kiosks waiting for their key, parked until their paper's session starts: the start wakes them all at once with the
 * list of admitted, approved kiosks read in one query, so a whole lab gets its keys in the same moment from the exam
 * server on the LAN without a database round trip per kiosk.
 */
public final class KeyRelease {

    private final Vertx vertx;
    private final Map<String, List<Promise<Optional<Map<String, KioskRecord>>>>> waiting = new ConcurrentHashMap<>();

    public KeyRelease(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Completes when a session of this paper starts, with the admitted kiosks when the start supplied them (empty when
     * the caller must look itself), or fails after the timeout.
     */
    public Future<Optional<Map<String, KioskRecord>>> awaitStart(String paperId, long timeoutMillis) {
        Promise<Optional<Map<String, KioskRecord>>> promise = Promise.promise();
        List<Promise<Optional<Map<String, KioskRecord>>>> list =
                waiting.computeIfAbsent(paperId, id -> new CopyOnWriteArrayList<>());
        list.add(promise);
        long timer = vertx.setTimer(Math.max(1, timeoutMillis), id -> {
            list.remove(promise);
            promise.tryFail("not started");
        });
        return promise.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    /** Wakes every kiosk waiting for this paper; {@code admitted} are the kiosks that may have the key. */
    public int started(String paperId, Optional<Map<String, KioskRecord>> admitted) {
        List<Promise<Optional<Map<String, KioskRecord>>>> list = waiting.remove(paperId);
        if (list == null) {
            return 0;
        }
        list.forEach(promise -> promise.tryComplete(admitted));
        return list.size();
    }

    private final java.util.concurrent.atomic.AtomicLong lastKeySent = new java.util.concurrent.atomic.AtomicLong();

    /** Notes that a wrapped key has been written to a kiosk's connection (for the load simulator's timing). */
    void keySent() {
        long now = System.nanoTime();
        lastKeySent.accumulateAndGet(now, Math::max);
    }

    /** {@link System#nanoTime()} when the last wrapped key was written out. */
    public long lastKeySentNanos() {
        return lastKeySent.get();
    }

    public int waitingFor(String paperId) {
        List<Promise<Optional<Map<String, KioskRecord>>>> list = waiting.get(paperId);
        return list == null ? 0 : list.size();
    }
}
