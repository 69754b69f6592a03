package org.readroom.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CountdownTest {

    @Test
    void remainingTimeFollowsTheServersClockNotTheKiosks() {
        // The kiosk's clock is 5 minutes slow; the server says 10 minutes are left.
        long serverNow = 1_000_000_000L;
        long kioskNow = serverNow - Duration.ofMinutes(5).toMillis();
        Clock kiosk = Clock.fixed(Instant.ofEpochMilli(kioskNow), ZoneOffset.UTC);
        Countdown countdown =
                new Countdown(kiosk, serverNow + Duration.ofMinutes(10).toMillis(), serverNow, kioskNow);
        assertEquals(Duration.ofMinutes(10), countdown.remaining());
    }

    @Test
    void theCountdownReachesZeroAndStaysThere() {
        long now = 1_000_000L;
        Clock later = Clock.fixed(Instant.ofEpochMilli(now + 61_000), ZoneOffset.UTC);
        Countdown countdown = new Countdown(later, now + 60_000, now, now);
        assertTrue(countdown.isOver());
        assertEquals(Duration.ZERO, countdown.remaining());
        Clock before = Clock.fixed(Instant.ofEpochMilli(now + 59_000), ZoneOffset.UTC);
        assertFalse(new Countdown(before, now + 60_000, now, now).isOver());
    }

    @Test
    void formatRoundsSecondsUpAndShowsHoursOnlyWhenNeeded() {
        assertEquals("00:01", Countdown.format(Duration.ofMillis(1)));
        assertEquals("29:59", Countdown.format(Duration.ofSeconds(1799)));
        assertEquals("1:00:00", Countdown.format(Duration.ofHours(1)));
        assertEquals("00:00", Countdown.format(Duration.ZERO));
    }
}
