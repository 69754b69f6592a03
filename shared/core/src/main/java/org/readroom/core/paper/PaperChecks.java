package org.readroom.core.paper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.readroom.core.bank.Item;
import org.readroom.core.text.LocalizedText;

/**
 * The checks a paper's sections and marks must pass, each failure a sentence naming the section and the numbers.
 * {@link Paper} refuses a paper that fails any of them; the assembler reports them beside unmet draw rules.
 */
public final class PaperChecks {

    /** Marks are sums of decimals such as 0.5: equal within this. */
    private static final double MARKS_TOLERANCE = 1e-6;

    private PaperChecks() {}

    /**
     * Every problem of these sections: none, unique ids, none empty, every item in exactly one section, time limits
     * within the paper's duration, expected section marks equal to the marks of the section's items.
     */
    public static List<String> sectionProblems(
            String paperId, int durationMinutes, List<Item> items, List<PaperSection> sections) {
        List<String> problems = new ArrayList<>();
        String paper = "paper " + paperId + ": ";
        if (sections.isEmpty()) {
            problems.add(paper + "has no sections");
            return problems;
        }
        Map<String, Item> byId = new HashMap<>();
        items.forEach(item -> byId.putIfAbsent(item.id(), item));
        Set<String> sectionIds = new HashSet<>();
        Map<String, String> sectionOf = new HashMap<>();
        int timeLimits = 0;
        for (PaperSection section : sections) {
            String where = paper + "section " + section.id();
            if (!sectionIds.add(section.id())) {
                problems.add(paper + "section id " + section.id() + " is used twice");
            }
            if (section.itemIds().isEmpty()) {
                problems.add(where + " has no items");
            }
            for (String itemId : section.itemIds()) {
                String earlier = sectionOf.putIfAbsent(itemId, section.id());
                if (earlier != null) {
                    problems.add(
                            earlier.equals(section.id())
                                    ? where + " lists item " + itemId + " twice"
                                    : paper + "item " + itemId + " is in section " + earlier + " and in section "
                                            + section.id());
                } else if (!byId.containsKey(itemId)) {
                    problems.add(where + " lists item " + itemId + ", which is not on the paper");
                }
            }
            if (section.timeLimitMinutes() != null) {
                timeLimits += section.timeLimitMinutes();
            }
            if (section.expectedMarks() != null) {
                double marks = new LinkedHashSet<>(section.itemIds())
                        .stream()
                                .map(byId::get)
                                .filter(item -> item != null)
                                .mapToDouble(Item::marks)
                                .sum();
                if (!sameMarks(section.expectedMarks(), marks)) {
                    problems.add(where + " is expected to carry " + marks(section.expectedMarks())
                            + " marks, but its items carry " + marks(marks));
                }
            }
        }
        for (Item item : items) {
            if (!sectionOf.containsKey(item.id())) {
                problems.add(paper + "item " + item.id() + " is in no section");
            }
        }
        String timeProblem = timeLimitProblem(paperId, durationMinutes, timeLimits);
        if (timeProblem != null) {
            problems.add(timeProblem);
        }
        return problems;
    }

    /** The problem when the sections' time limits add up to more than the paper's duration, or null. */
    /** What a paper and a blueprint both need: an id, a title and a duration of 1..1440 minutes. */
    public static void requireHead(String id, LocalizedText title, int durationMinutes) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("paper id: must not be blank");
        }
        if (title == null) {
            throw new IllegalArgumentException("paper " + id + ": title is missing");
        }
        if (durationMinutes < 1 || durationMinutes > 24 * 60) {
            throw new IllegalArgumentException(
                    "paper " + id + ": duration must be 1..1440 minutes, was " + durationMinutes);
        }
    }

    public static String timeLimitProblem(String paperId, int durationMinutes, int sumOfSectionLimits) {
        return sumOfSectionLimits > durationMinutes
                ? "paper " + paperId + ": the section time limits add up to " + sumOfSectionLimits
                        + " minutes, more than the paper's " + durationMinutes
                : null;
    }

    /** The problem when a paper's total marks are not the expected ones, or null when they are (or none is given). */
    public static String totalProblem(Paper paper, Double expectedTotalMarks) {
        if (expectedTotalMarks == null || sameMarks(expectedTotalMarks, paper.totalMarks())) {
            return null;
        }
        return "paper " + paper.id() + ": expected to carry " + marks(expectedTotalMarks)
                + " marks in total, but its items carry " + marks(paper.totalMarks());
    }

    static boolean sameMarks(double a, double b) {
        return Math.abs(a - b) < MARKS_TOLERANCE;
    }

    /** Marks as people write them: 50, 48.5. */
    public static String marks(double marks) {
        return BigDecimal.valueOf(marks).stripTrailingZeros().toPlainString();
    }
}
