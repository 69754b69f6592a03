package org.readroom.core.bank;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How hard an author judges an item; rule-based papers draw counts per level. */
public enum Difficulty {
    @JsonProperty("easy")
    EASY,
    @JsonProperty("medium")
    MEDIUM,
    @JsonProperty("hard")
    HARD;

    /** The level for a bank file's word: easy/medium/hard, 易/中/难, or 1-3; null when the word is none of them. */
    public static Difficulty parse(String word) {
        if (word == null) {
            return null;
        }
        switch (word.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "easy", "易", "容易", "1":
                return EASY;
            case "medium", "中", "中等", "2":
                return MEDIUM;
            case "hard", "难", "困难", "3":
                return HARD;
            default:
                return null;
        }
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
