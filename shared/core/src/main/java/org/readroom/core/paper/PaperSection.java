package org.readroom.core.paper;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/**
 * A part of a paper ("A1 questions", "case questions"): its items in authoring order, an optional time limit, and
 * whether it is {@code irreversible} (once the candidate moves on to the next section they cannot come back, as in the
 * national human-computer dialogue exams). Candidates' orders shuffle items within a section only; with
 * {@code keepOrder} the section keeps its authoring order. {@code expectedMarks}, when given, is checked against the
 * marks of the section's items.
 */
public record PaperSection(
        String id,
        LocalizedText title,
        List<String> itemIds,
        Integer timeLimitMinutes,
        boolean irreversible,
        Double expectedMarks,
        boolean keepOrder) {

    public PaperSection {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("section id: must not be blank");
        }
        if (title == null) {
            title = LocalizedText.of(id, id);
        }
        itemIds = List.copyOf(itemIds == null ? List.of() : itemIds);
        if (timeLimitMinutes != null && (timeLimitMinutes < 1 || timeLimitMinutes > 24 * 60)) {
            throw new IllegalArgumentException(
                    "section " + id + ": time limit must be 1..1440 minutes, was " + timeLimitMinutes);
        }
        if (expectedMarks != null && (expectedMarks.isNaN() || expectedMarks < 0)) {
            throw new IllegalArgumentException(
                    "section " + id + ": expected marks must be 0 or more, was " + expectedMarks);
        }
    }

    /** A section whose candidates' order is shuffled. */
    public PaperSection(
            String id,
            LocalizedText title,
            List<String> itemIds,
            Integer timeLimitMinutes,
            boolean irreversible,
            Double expectedMarks) {
        this(id, title, itemIds, timeLimitMinutes, irreversible, expectedMarks, false);
    }

    /** The one section of a paper written without sections: every item, no limit, reversible, shuffled. */
    public static PaperSection whole(LocalizedText title, List<String> itemIds) {
        return new PaperSection(WHOLE, title, itemIds, null, false, null, false);
    }

    /** The id of the section a paper without sections gets. */
    public static final String WHOLE = "all";
}
