package org.readroom.fx.viewer;

/** What keys and toolbar buttons drive: a single viewer or a whole reading station. */
public interface ViewerControls {

    /** Runs {@code command}; false when it does not apply here (for example a layout command on a single viewer). */
    boolean execute(ViewerCommand command);

    void selectTool(Tool tool);

    /** Applies the window for number key {@code digit} (0 = the author's window); false when there is none. */
    boolean applyPresetKey(int digit);
}
