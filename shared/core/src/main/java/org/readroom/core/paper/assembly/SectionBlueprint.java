package org.readroom.core.paper.assembly;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/**
 * One section of a blueprint: the items it always holds ({@code fixedItemIds}, in order), then what its rules draw,
 * rule by rule. Time limit, irreversibility, kept order and expected marks become the paper section's.
 */
public record SectionBlueprint(
        String id,
        LocalizedText title,
        Integer timeLimitMinutes,
        boolean irreversible,
        List<String> fixedItemIds,
        List<DrawRule> rules,
        Double expectedMarks,
        boolean keepOrder) {

    public SectionBlueprint {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("section id: must not be blank");
        }
        fixedItemIds = List.copyOf(fixedItemIds == null ? List.of() : fixedItemIds);
        rules = List.copyOf(rules == null ? List.of() : rules);
        if (fixedItemIds.isEmpty() && rules.isEmpty()) {
            throw new IllegalArgumentException("section " + id + ": has neither fixed items nor draw rules");
        }
    }

    /** A section whose candidates' order is shuffled. */
    public SectionBlueprint(
            String id,
            LocalizedText title,
            Integer timeLimitMinutes,
            boolean irreversible,
            List<String> fixedItemIds,
            List<DrawRule> rules,
            Double expectedMarks) {
        this(id, title, timeLimitMinutes, irreversible, fixedItemIds, rules, expectedMarks, false);
    }

    /** "section B rule 2 (3 × single_choice, topic 胸部/肺, hard)": how problems name a rule (numbered from 1). */
    String ruleName(int index) {
        return "section " + id + " rule " + (index + 1) + " ("
                + rules.get(index).describe() + ")";
    }
}
