package org.readroom.fx.viewer;

/** The mouse button of a gesture, independent of any toolkit. */
public enum PointerButton {
    PRIMARY,
    SECONDARY,
    MIDDLE
}
