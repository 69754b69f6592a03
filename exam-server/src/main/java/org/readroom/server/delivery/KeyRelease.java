package org.readroom.server.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kiosks waiting for their key, parked until their paper's session starts: the start wakes them all at once, so a
 * whole lab gets its keys in the same moment from the exam server on the LAN.
 */
public final class KeyRelease {

    private final Vertx vertx;
    private final Map<String, List<Promise<Void>>> waiting = new ConcurrentHashMap<>();

    public KeyRelease(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Completes when a session of this paper starts, or fails after the timeout. */
    public Future<Void> awaitStart(String paperId, long timeoutMillis) {
        Promise<Void> promise = Promise.promise();
        List<Promise<Void>> list = waiting.computeIfAbsent(paperId, id -> new CopyOnWriteArrayList<>());
        list.add(promise);
        long timer = vertx.setTimer(Math.max(1, timeoutMillis), id -> {
            list.remove(promise);
            promise.tryFail("not started");
        });
        return promise.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    /** Wakes every kiosk waiting for this paper. */
    public int started(String paperId) {
        List<Promise<Void>> list = waiting.remove(paperId);
        if (list == null) {
            return 0;
        }
        list.forEach(Promise::tryComplete);
        return list.size();
    }

    public int waitingFor(String paperId) {
        List<Promise<Void>> list = waiting.get(paperId);
        return list == null ? 0 : list.size();
    }
}
