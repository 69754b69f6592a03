package org.readroom.benchmarks;

import org.readroom.core.imaging.WindowLevel;

/** A window that moves a little on every call, like a reader dragging the mouse: no two calls reuse a table. */
final class WindowDrag {

    private final WindowLevel start;
    private int step;

    WindowDrag(WindowLevel start) {
        this.start = start;
    }

    WindowLevel next() {
        step = (step + 1) % 64;
        return start.dragged(step - 32, step - 32);
    }
}
