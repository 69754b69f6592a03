package org.readroom.fx.viewer;

/** The viewer's actions that are not tools or presets, each reachable from a key (see {@link ViewerKeys}). */
public enum ViewerCommand {
    PREVIOUS_SLICE,
    NEXT_SLICE,
    PREVIOUS_PAGE,
    NEXT_PAGE,
    FIRST_SLICE,
    LAST_SLICE,
    RESET,
    FIT,
    INVERT,
    FLIP_HORIZONTAL,
    FLIP_VERTICAL,
    ROTATE_COUNTER_CLOCKWISE,
    ROTATE_CLOCKWISE,
    ZOOM_IN,
    ZOOM_OUT,
    PAN_LEFT,
    PAN_RIGHT,
    PAN_UP,
    PAN_DOWN,
    CINE_PLAY_STOP,
    CINE_FASTER,
    CINE_SLOWER,
    DELETE_LAST_ANNOTATION,
    CLEAR_ANNOTATIONS,
    CANCEL_DRAWING,
    /** Reading station only: scroll the other viewports with the active one. */
    TOGGLE_SYNC,
    /** Reading station only. */
    NEXT_VIEWPORT,
    /** Reading station only. */
    PREVIOUS_VIEWPORT,
    /** Hotspot tool, while the keyboard cross shows: move it one image pixel the way the arrow points on screen. */
    CURSOR_LEFT,
    CURSOR_RIGHT,
    CURSOR_UP,
    CURSOR_DOWN,
    /** As the plain moves, {@link HotspotCursor#FAR_STEP} pixels at a time. */
    CURSOR_LEFT_FAR,
    CURSOR_RIGHT_FAR,
    CURSOR_UP_FAR,
    CURSOR_DOWN_FAR,
    /** Hotspot tool: marks the point under the keyboard cross as the answer, as a click there would. */
    MARK_ANSWER;

    public String messageKey() {
        return "viewer.command." + name();
    }
}
