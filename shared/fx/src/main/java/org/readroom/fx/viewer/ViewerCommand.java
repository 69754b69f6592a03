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
    PREVIOUS_VIEWPORT;

    public String messageKey() {
        return "viewer.command." + name();
    }
}
