package org.readroom.core.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an item sits in the topic tree: organ system, then subspecialty, then diagnosis. Deeper levels are optional
 * but need the ones above them ("胸部 / 肺 / 肺结节").
 */
public record Topic(String organSystem, String subspecialty, String diagnosis) {

    public Topic {
        organSystem = blankToNull(organSystem);
        subspecialty = blankToNull(subspecialty);
        diagnosis = blankToNull(diagnosis);
        if (organSystem == null) {
            throw new IllegalArgumentException("topic.organSystem: must not be blank");
        }
        if (subspecialty == null && diagnosis != null) {
            throw new IllegalArgumentException(
                    "topic.subspecialty: must be given when diagnosis is (diagnosis was " + diagnosis + ")");
        }
        for (String level : new String[] {organSystem, subspecialty, diagnosis}) {
            if (level != null && (level.contains("/") || level.length() > 100)) {
                throw new IllegalArgumentException(
                        "topic: a level must be at most 100 characters without '/', was " + level);
            }
        }
    }

    /** Reads "organ / subspecialty / diagnosis" (one to three levels separated by '/'). */
    public static Topic parse(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("topic: must not be blank");
        }
        String[] levels = path.split("/", -1);
        if (levels.length > 3) {
            throw new IllegalArgumentException(
                    "topic: at most 3 levels (organ / subspecialty / diagnosis), was " + path);
        }
        return new Topic(
                levels[0].strip(),
                levels.length > 1 ? levels[1].strip() : null,
                levels.length > 2 ? levels[2].strip() : null);
    }

    /** The levels from the organ system down, e.g. [胸部, 肺, 肺结节]. */
    public List<String> levels() {
        List<String> levels = new ArrayList<>(3);
        levels.add(organSystem);
        if (subspecialty != null) {
            levels.add(subspecialty);
        }
        if (diagnosis != null) {
            levels.add(diagnosis);
        }
        return List.copyOf(levels);
    }

    /** "胸部/肺/肺结节": the form rules and reports use. */
    public String path() {
        return String.join("/", levels());
    }

    /** True when this topic is {@code other} or lies below it in the tree. */
    public boolean isWithin(Topic other) {
        List<String> mine = levels();
        List<String> theirs = other.levels();
        return mine.size() >= theirs.size() && mine.subList(0, theirs.size()).equals(theirs);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
