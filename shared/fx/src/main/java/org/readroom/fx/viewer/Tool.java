package org.readroom.fx.viewer;

/**
 * What the primary (left) mouse button does in a viewport. The other buttons keep their PACS meaning whatever the
 * tool: right-drag zooms, middle-drag pans, the wheel scrolls.
 */
public enum Tool {
    WINDOW,
    PAN,
    ZOOM,
    STACK,
    LENGTH,
    ANGLE,
    ELLIPSE,
    ARROW,
    LESION,
    /** Marks the candidate's answer to a hotspot question; offered only when hotspot answering is enabled. */
    HOTSPOT;

    public String messageKey() {
        return "viewer.tool." + name();
    }

    /** True for the tools that draw an annotation (or an answer) rather than change the view. */
    public boolean draws() {
        return ordinal() >= LENGTH.ordinal();
    }
}
