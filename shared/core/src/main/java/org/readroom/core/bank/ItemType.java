package org.readroom.core.bank;

import java.util.Locale;

/** The item types, by the names bank files use ({@code "type": "single_choice"}, …). */
public enum ItemType {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    TRUE_FALSE,
    CASE_CLUSTER,
    MATCHING,
    FILL_IN,
    NUMERIC,
    HOTSPOT,
    SHORT_ANSWER,
    REPORT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for a bank file's name, or null when there is none by that name. */
    public static ItemType parse(String name) {
        for (ItemType type : values()) {
            if (type.wireName().equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }
}
