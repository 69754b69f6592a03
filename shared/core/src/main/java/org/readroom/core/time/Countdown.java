package org.readroom.core.time;

import java.time.Clock;
import java.time.Duration;

/**
 * Time left for a candidate, from the server's deadline and the measured offset between the server's clock and
 * ours, so a kiosk whose clock is wrong still shows the right time.
 */
public final class Countdown {

    private final Clock clock;
    private final long deadline;
    private final long offsetMillis;

    /**
     * @param serverTime the server's time when the deadline was received
     * @param receivedAt our clock's time when it was received
     */
    public Countdown(Clock clock, long deadline, long serverTime, long receivedAt) {
        this.clock = clock;
        this.deadline = deadline;
        this.offsetMillis = serverTime - receivedAt;
    }

    public Duration remaining() {
        long now = clock.millis() + offsetMillis;
        return Duration.ofMillis(Math.max(0, deadline - now));
    }

    public boolean isOver() {
        return remaining().isZero();
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
