package org.readroom.server.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.readroom.server.exam.ExamStore;
import org.readroom.server.exam.HandIn;
import org.readroom.server.scoring.SubmitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes every candidate whose clock ran past deadline + grace, whether or not their kiosk handed in: the server's
 * clock is the authority. Runs on a timer; one sweep at a time.
 */
public final class DeadlineSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final CandidateControl control;
    private final ExamStore exams;
    private final HandIn handIn;
    private final Clock clock;
    private final AtomicBoolean sweeping = new AtomicBoolean();

    public DeadlineSweeper(CandidateControl control, ExamStore exams, HandIn handIn, Clock clock) {
        this.control = control;
        this.exams = exams;
        this.handIn = handIn;
        this.clock = clock;
    }

    /** Sweeps every {@code periodMillis}; returns the timer id. */
    public long start(Vertx vertx, long periodMillis) {
        return vertx.setPeriodic(periodMillis, id -> sweep());
    }

    /** Hands in every overdue candidate; completes with how many were closed. */
    public Future<Integer> sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return Future.succeededFuture(0);
        }
        long now = clock.millis();
        return control.overdue(now, SubmitService.GRACE_MILLIS)
                .compose(ids -> {
                    Future<Integer> chain = Future.succeededFuture(0);
                    for (long id : ids) {
                        chain = chain.compose(closed -> exams.candidate(id)
                                .compose(c -> handIn.handIn(c, now, "deadline", null, "server"))
                                .map(sheet -> closed + 1)
                                .recover(failure -> {
                                    LOG.error("closing candidate {} at the deadline failed", id, failure);
                                    return Future.succeededFuture(closed);
                                }));
                    }
                    return chain;
                })
                .onComplete(done -> sweeping.set(false));
    }
}
