package org.readroom.core.protocol;

/** The kinds of question a kiosk shows; B1 questions arrive as {@link #SINGLE_CHOICE} in a matching group. */
public enum ItemKind {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    TRUE_FALSE,
    FILL_IN,
    NUMERIC,
    HOTSPOT,
    SHORT_ANSWER,
    REPORT
}
