package org.readroom.core.time;

/**
 * A candidate's clock as the server keeps it: deadline = start + duration + extra time + time spent paused. While
 * paused ({@code pausedSince > 0}) the deadline moves with the clock, so the time left stands still. Immutable;
 * every change returns a copy. Times are epoch ms of the server's clock.
 */
public record SittingTime(long startedAt, long durationMillis, long extraMillis, long pausedMillis, long pausedSince) {

    /** The longest single extension a proctor can grant, to catch a typo (600 instead of 60 minutes). */
    public static final long MAX_EXTENSION_MILLIS = 4 * 60 * 60_000L;

    public SittingTime {
        if (startedAt <= 0) {
            throw new IllegalArgumentException("startedAt must be set, was " + startedAt);
        }
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("durationMillis must be > 0, was " + durationMillis);
        }
        if (extraMillis < 0 || pausedMillis < 0 || pausedSince < 0) {
            throw new IllegalArgumentException("extra, paused and pausedSince must be >= 0, were " + extraMillis + ", "
                    + pausedMillis + ", " + pausedSince);
        }
    }

    public static SittingTime started(long now, long durationMillis) {
        return new SittingTime(now, durationMillis, 0, 0, 0);
    }

    public boolean isPaused() {
        return pausedSince > 0;
    }

    /** The deadline as of {@code now}: a running pause counts up to now. */
    public long deadline(long now) {
        long pausing = isPaused() ? Math.max(0, now - pausedSince) : 0;
        return startedAt + durationMillis + extraMillis + pausedMillis + pausing;
    }

    /** The deadline if the clock ran from now on; stored so the server can find overdue candidates by index. */
    public long deadlineIgnoringCurrentPause() {
        return startedAt + durationMillis + extraMillis + pausedMillis;
    }

    /** Exam time used as of {@code now}: time since the start, less time spent paused (a running pause included). */
    public long used(long now) {
        long pausing = isPaused() ? Math.max(0, now - pausedSince) : 0;
        return Math.max(0, now - startedAt - pausedMillis - pausing);
    }

    public long remaining(long now) {
        return Math.max(0, deadline(now) - now);
    }

    /** True when the server must close the candidate: past the deadline plus the grace for answers in flight. */
    public boolean isClosed(long now, long graceMillis) {
        return !isPaused() && now > deadline(now) + graceMillis;
    }

    public SittingTime pause(long now) {
        if (isPaused()) {
            return this;
        }
        return new SittingTime(startedAt, durationMillis, extraMillis, pausedMillis, now);
    }

    public SittingTime resume(long now) {
        if (!isPaused()) {
            return this;
        }
        return new SittingTime(
                startedAt, durationMillis, extraMillis, pausedMillis + Math.max(0, now - pausedSince), 0);
    }

    /** Adds extra time; refuses zero, negative and implausibly long extensions. */
    public SittingTime extend(long millis) {
        if (millis <= 0 || millis > MAX_EXTENSION_MILLIS) {
            throw new IllegalArgumentException(
                    "extra time must be between 1 ms and " + MAX_EXTENSION_MILLIS / 60_000 + " minutes, was " + millis);
        }
        return new SittingTime(startedAt, durationMillis, extraMillis + millis, pausedMillis, pausedSince);
    }
}
