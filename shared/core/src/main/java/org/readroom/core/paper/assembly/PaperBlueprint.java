package org.readroom.core.paper.assembly;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.readroom.core.paper.PaperChecks;
import org.readroom.core.text.LocalizedText;

/**
 * How to assemble a paper from the bank: its sections, each with fixed items and draw rules, the total marks the paper
 * must carry (null: not checked), and the seed the draws come from (the same seed and bank give the same paper). A
 * fixed paper is a blueprint without rules.
 */
public record PaperBlueprint(
        String id,
        LocalizedText title,
        int durationMinutes,
        List<SectionBlueprint> sections,
        Double expectedTotalMarks,
        long seed) {

    public PaperBlueprint {
        PaperChecks.requireHead(id, title, durationMinutes);
        sections = List.copyOf(sections == null ? List.of() : sections);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("paper " + id + ": has no sections");
        }
        Set<String> ids = new HashSet<>();
        for (SectionBlueprint section : sections) {
            if (!ids.add(section.id())) {
                throw new IllegalArgumentException("paper " + id + ": section id " + section.id() + " is used twice");
            }
        }
        if (expectedTotalMarks != null && (expectedTotalMarks.isNaN() || expectedTotalMarks < 0)) {
            throw new IllegalArgumentException(
                    "paper " + id + ": expected total marks must be 0 or more, was " + expectedTotalMarks);
        }
    }

    /** True when some section draws by rule (otherwise the blueprint describes a fixed paper). */
    public boolean hasRules() {
        return sections.stream().anyMatch(section -> !section.rules().isEmpty());
    }

    /** Every item id a section lists as fixed, in order. */
    public List<String> fixedItemIds() {
        return sections.stream().flatMap(s -> s.fixedItemIds().stream()).toList();
    }
}
