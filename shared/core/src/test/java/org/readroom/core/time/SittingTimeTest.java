package org.readroom.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The server's clock for one candidate, driven by plain "now" values moved forward by hand. */
class SittingTimeTest {

    private static final long MINUTE = 60_000L;
    private static final long SECOND = 1_000L;
    private static final long START = 1_700_000_000_000L;

    private final SittingTime hour = SittingTime.started(START, 60 * MINUTE);

    @Test
    void aFreshSittingEndsAfterItsDuration() {
        assertEquals(START + 60 * MINUTE, hour.deadline(START));
        assertEquals(60 * MINUTE, hour.remaining(START));
        assertEquals(20 * MINUTE, hour.remaining(START + 40 * MINUTE));
        assertEquals(0, hour.remaining(START + 90 * MINUTE));
        assertFalse(hour.isPaused());
    }

    @Test
    void timeUsedLeavesOutPausesAndIgnoresExtraTime() {
        assertEquals(0, hour.used(START));
        assertEquals(20 * MINUTE, hour.used(START + 20 * MINUTE));
        SittingTime paused = hour.pause(START + 20 * MINUTE);
        assertEquals(20 * MINUTE, paused.used(START + 35 * MINUTE), "a running pause does not count");
        SittingTime resumed = paused.resume(START + 35 * MINUTE).extend(10 * MINUTE);
        assertEquals(25 * MINUTE, resumed.used(START + 40 * MINUTE));
    }

    @Test
    void extraTimeMovesTheDeadline() {
        SittingTime extended = hour.extend(10 * MINUTE);
        assertEquals(START + 70 * MINUTE, extended.deadline(START));
        assertEquals(30 * MINUTE, extended.remaining(START + 40 * MINUTE));
        assertEquals(START + 75 * MINUTE, extended.extend(5 * MINUTE).deadline(START));
        assertEquals(START + 60 * MINUTE, hour.deadline(START), "extend returns a copy");
    }

    @Test
    void pausingFreezesTheTimeLeftWhileTheClockRuns() {
        long now = START + 20 * MINUTE;
        SittingTime paused = hour.pause(now);
        assertTrue(paused.isPaused());
        assertEquals(40 * MINUTE, paused.remaining(now));
        now += 7 * MINUTE;
        assertEquals(40 * MINUTE, paused.remaining(now));
        now += 30 * MINUTE;
        assertEquals(40 * MINUTE, paused.remaining(now));
        assertEquals(START + 60 * MINUTE, paused.deadlineIgnoringCurrentPause());
    }

    @Test
    void resumingKeepsTheTimeLeftAtThePause() {
        SittingTime paused = hour.pause(START + 20 * MINUTE);
        long resumedAt = START + 35 * MINUTE;
        SittingTime resumed = paused.resume(resumedAt);
        assertFalse(resumed.isPaused());
        assertEquals(40 * MINUTE, resumed.remaining(resumedAt));
        assertEquals(15 * MINUTE, resumed.pausedMillis());
        assertEquals(START + 75 * MINUTE, resumed.deadline(resumedAt));
        assertEquals(30 * MINUTE, resumed.remaining(resumedAt + 10 * MINUTE), "the clock runs again");
        assertEquals(resumed.deadline(resumedAt), resumed.deadlineIgnoringCurrentPause());
    }

    @Test
    void twoPausesAccumulate() {
        SittingTime time = hour.pause(START + 10 * MINUTE)
                .resume(START + 15 * MINUTE)
                .pause(START + 30 * MINUTE)
                .resume(START + 33 * MINUTE);
        assertEquals(8 * MINUTE, time.pausedMillis());
        assertEquals(START + 68 * MINUTE, time.deadline(START + 33 * MINUTE));
        assertEquals(35 * MINUTE, time.remaining(START + 33 * MINUTE));
    }

    @Test
    void pausingTwiceOrResumingARunningClockChangesNothing() {
        SittingTime paused = hour.pause(START + 10 * MINUTE);
        assertSame(paused, paused.pause(START + 20 * MINUTE));
        assertSame(hour, hour.resume(START + 20 * MINUTE));
    }

    @Test
    void extraTimeGrantedDuringAPauseCountsAfterTheResume() {
        SittingTime time = hour.pause(START + 50 * MINUTE).extend(5 * MINUTE).resume(START + 52 * MINUTE);
        assertEquals(15 * MINUTE, time.remaining(START + 52 * MINUTE));
    }

    @Test
    void theSittingClosesOnlyAfterTheGrace() {
        long grace = 30 * SECOND;
        long deadline = START + 60 * MINUTE;
        assertFalse(hour.isClosed(deadline - SECOND, grace));
        assertFalse(hour.isClosed(deadline, grace));
        assertFalse(hour.isClosed(deadline + grace, grace));
        assertTrue(hour.isClosed(deadline + grace + 1, grace));
        assertTrue(hour.isClosed(deadline + 10 * MINUTE, grace));
    }

    @Test
    void aPausedSittingNeverCloses() {
        long grace = 30 * SECOND;
        SittingTime paused = hour.pause(START + 59 * MINUTE);
        assertFalse(paused.isClosed(START + 60 * MINUTE + grace + 1, grace));
        assertFalse(paused.isClosed(START + 600 * MINUTE, grace));
    }

    @Test
    void extendRefusesZeroNegativeAndImplausiblyLongExtensions() {
        for (long bad : new long[] {0, -1, -10 * MINUTE, SittingTime.MAX_EXTENSION_MILLIS + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hour.extend(bad));
            assertTrue(e.getMessage().contains("extra time"), e.getMessage());
            assertTrue(e.getMessage().contains("was " + bad), e.getMessage());
        }
        assertEquals(
                START + 60 * MINUTE + SittingTime.MAX_EXTENSION_MILLIS,
                hour.extend(SittingTime.MAX_EXTENSION_MILLIS).deadline(START));
        assertEquals(START + 60 * MINUTE + 1, hour.extend(1).deadline(START));
    }

    @Test
    void theConstructorNamesTheBadField() {
        assertMessageNames("startedAt", () -> new SittingTime(0, MINUTE, 0, 0, 0));
        assertMessageNames("durationMillis", () -> new SittingTime(START, 0, 0, 0, 0));
        assertMessageNames("durationMillis", () -> SittingTime.started(START, -MINUTE));
        assertMessageNames("extra", () -> new SittingTime(START, MINUTE, -1, 0, 0));
        assertMessageNames("paused", () -> new SittingTime(START, MINUTE, 0, -1, 0));
        assertMessageNames("pausedSince", () -> new SittingTime(START, MINUTE, 0, 0, -1));
    }

    private static void assertMessageNames(String field, Runnable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(e.getMessage().contains(field), "message should name " + field + ": " + e.getMessage());
    }
}
