package org.readroom.core.protocol;

/** The item types a kiosk knows how to show. */
public enum ItemKind {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    FILL_IN,
    SHORT_ANSWER
}
