package org.readroom.core.bank;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a multiple-answer (X-type) item gives marks. A blank answer scores 0 under every rule.
 *
 * <ul>
 *   <li>{@link #ALL_OR_NOTHING}: full marks only for exactly the correct set (the common Chinese rule).
 *   <li>{@link #PER_OPTION}: each option is a true/false judgement; marks × (options judged right ÷ options).
 *   <li>{@link #RIGHT_MINUS_WRONG}: the EDiR-style formula, marks × max(0, right chosen ÷ correct options − wrong
 *       chosen ÷ incorrect options), so guessing every option earns nothing.
 * </ul>
 */
public enum PartialCredit {
    @JsonProperty("all_or_nothing")
    ALL_OR_NOTHING,
    @JsonProperty("per_option")
    PER_OPTION,
    @JsonProperty("right_minus_wrong")
    RIGHT_MINUS_WRONG;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The rule for a bank file's word (the wire names), or null when it is none of them. */
    public static PartialCredit parse(String word) {
        for (PartialCredit rule : values()) {
            if (rule.wireName().equalsIgnoreCase(word == null ? "" : word.strip())) {
                return rule;
            }
        }
        return null;
    }
}
