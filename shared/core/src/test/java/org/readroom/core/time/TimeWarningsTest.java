package org.readroom.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeWarningsTest {

    private static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static Optional<Duration> warned(long minutes) {
        return Optional.of(min(minutes));
    }

    @Test
    void eachMarkFiresOnceWhenCrossed() {
        TimeWarnings warnings = TimeWarnings.standard();
        assertEquals(Optional.empty(), warnings.crossed(min(20)));
        assertEquals(Optional.empty(), warnings.crossed(min(16)));
        assertEquals(warned(15), warnings.crossed(min(15)), "reaching the mark exactly counts");
        assertEquals(Optional.empty(), warnings.crossed(min(14)));
        assertEquals(Optional.empty(), warnings.crossed(min(6)));
        assertEquals(warned(5), warnings.crossed(Duration.ofSeconds(299)));
        assertEquals(Optional.empty(), warnings.crossed(Duration.ofSeconds(200)));
        assertEquals(warned(1), warnings.crossed(Duration.ofSeconds(59)));
        assertEquals(Optional.empty(), warnings.crossed(Duration.ZERO));
    }

    @Test
    void theFirstReadingOnlySetsTheBaseline() {
        // A kiosk resumed with 3 minutes left must not warn of 15 (or 5) minutes.
        TimeWarnings warnings = TimeWarnings.standard();
        assertEquals(Optional.empty(), warnings.crossed(min(3)));
        assertEquals(Optional.empty(), warnings.crossed(Duration.ofSeconds(150)));
        assertEquals(warned(1), warnings.crossed(Duration.ofSeconds(50)));
    }

    @Test
    void crossingSeveralMarksAtOnceReportsTheSmallest() {
        TimeWarnings warnings = TimeWarnings.standard();
        warnings.crossed(min(20));
        assertEquals(warned(1), warnings.crossed(Duration.ofSeconds(30)));
        assertEquals(Optional.empty(), warnings.crossed(Duration.ofSeconds(10)), "the larger marks are spent too");
    }

    @Test
    void extraTimeReArmsAMark() {
        TimeWarnings warnings = TimeWarnings.standard();
        warnings.crossed(min(6));
        assertEquals(warned(5), warnings.crossed(min(4)));
        assertEquals(Optional.empty(), warnings.crossed(min(10)), "going up warns of nothing");
        assertEquals(warned(5), warnings.crossed(min(5)));
    }

    @Test
    void marksAreParsedFromMinutes() {
        TimeWarnings warnings = TimeWarnings.ofMinutes("15, 5,1");
        warnings.crossed(min(16));
        assertEquals(warned(15), warnings.crossed(min(14)));
        assertEquals(warned(5), warnings.crossed(min(4)));
        assertEquals(warned(1), warnings.crossed(Duration.ZERO));
    }

    @Test
    void anOddMarkIsUsedAsGiven() {
        TimeWarnings warnings = TimeWarnings.ofMinutes("10");
        warnings.crossed(min(16));
        assertEquals(Optional.empty(), warnings.crossed(min(14)));
        assertEquals(warned(10), warnings.crossed(min(9)));
    }

    @Test
    void aMarkThatIsNotANumberIsRefusedNamingIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TimeWarnings.ofMinutes("15,x,1"));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
        assertTrue(e.getMessage().contains("minutes"), e.getMessage());
    }

    @Test
    void aZeroOrNegativeMarkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TimeWarnings.ofMinutes("5,0"));
        assertThrows(IllegalArgumentException.class, () -> TimeWarnings.ofMinutes("-5"));
        assertThrows(IllegalArgumentException.class, () -> new TimeWarnings(List.of(Duration.ZERO)));
    }

    @Test
    void aBlankTextMeansNoWarnings() {
        for (String blank : new String[] {"", "   "}) {
            TimeWarnings none = TimeWarnings.ofMinutes(blank);
            none.crossed(min(20));
            assertEquals(Optional.empty(), none.crossed(min(10)));
            assertEquals(Optional.empty(), none.crossed(Duration.ZERO));
        }
    }
}
