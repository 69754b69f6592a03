package org.readroom.core.time;

import java.time.Clock;
import java.time.Duration;
import org.readroom.core.protocol.Messages.ExamClock;

/**
 * Time left for a candidate, from the server's deadline and the measured offset between the server's clock and
 * ours, so a kiosk whose clock is wrong still shows the right time. While the server has the candidate paused, the
 * time left stands still at what the server sent.
 */
public final class Countdown {

    private final Clock clock;
    private final long deadline;
    private final long offsetMillis;
    private final long frozenRemaining;

    /**
     * @param serverTime the server's time when the deadline was received
     * @param receivedAt our clock's time when it was received
     */
    public Countdown(Clock clock, long deadline, long serverTime, long receivedAt) {
        this(clock, deadline, serverTime, receivedAt, -1);
    }

    private Countdown(Clock clock, long deadline, long serverTime, long receivedAt, long frozenRemaining) {
        this.clock = clock;
        this.deadline = deadline;
        this.offsetMillis = serverTime - receivedAt;
        this.frozenRemaining = frozenRemaining;
    }

    /** The countdown for a clock the server sent: running, or standing still at its remaining time while paused. */
    public static Countdown of(Clock clock, ExamClock examClock, long receivedAt) {
        return new Countdown(
                clock,
                examClock.deadline(),
                examClock.serverTime(),
                receivedAt,
                examClock.paused() ? examClock.remaining() : -1);
    }

    public boolean isPaused() {
        return frozenRemaining >= 0;
    }

    /** The offset between the server's clock and ours, as measured when the deadline arrived. */
    public long offsetMillis() {
        return offsetMillis;
    }

    public Duration remaining() {
        if (isPaused()) {
            return Duration.ofMillis(frozenRemaining);
        }
        long now = clock.millis() + offsetMillis;
        return Duration.ofMillis(Math.max(0, deadline - now));
    }

    /** True when the time is up (never while paused). */
    public boolean isOver() {
        return !isPaused() && remaining().isZero();
    }

    /** "H:MM:SS" when an hour or more is left, "MM:SS" otherwise; seconds round up so 0 appears only at the end. */
    public static String format(Duration remaining) {
        long seconds = (remaining.toMillis() + 999) / 1000;
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
    }
}
