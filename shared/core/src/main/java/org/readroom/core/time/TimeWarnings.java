package org.readroom.core.time;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The marks at which a kiosk warns the candidate about the time left (for example 15, 5 and 1 minutes). Each mark
 * fires once, when the time left first drops to or below it; a candidate who gains extra time is warned again.
 */
public final class TimeWarnings {

    private final TreeSet<Duration> marks = new TreeSet<>();
    private Duration lastRemaining;

    public TimeWarnings(List<Duration> marks) {
        for (Duration mark : marks) {
            if (mark.isNegative() || mark.isZero()) {
                throw new IllegalArgumentException("a warning mark must be > 0, was " + mark);
            }
            this.marks.add(mark);
        }
    }

    /** The default marks: 15, 5 and 1 minute before the end. */
    public static TimeWarnings standard() {
        return new TimeWarnings(List.of(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1)));
    }

    /** Parses "15,5,1" (minutes); an empty text means no warnings. */
    public static TimeWarnings ofMinutes(String text) {
        List<Duration> marks = text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::strip)
                        .map(m -> {
                            try {
                                return Duration.ofMinutes(Long.parseLong(m));
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException("warning mark is not a number of minutes: " + m);
                            }
                        })
                        .toList();
        return new TimeWarnings(marks);
    }

    /** Given the time left now, the mark just crossed, if any (the smallest when several are crossed at once). */
    public Optional<Duration> crossed(Duration remaining) {
        Duration previous = lastRemaining;
        lastRemaining = remaining;
        if (previous == null) {
            // The first reading only sets the baseline, so a kiosk resumed at 3 minutes left does not warn of 15.
            return Optional.empty();
        }
        for (Duration mark : marks) {
            if (remaining.compareTo(mark) <= 0 && previous.compareTo(mark) > 0) {
                return Optional.of(mark);
            }
        }
        return Optional.empty();
    }
}
