package org.readroom.core.imaging;

/**
 * A VOI window in modality units (Hounsfield units for CT): values below {@code center - width/2} show black,
 * values above {@code center + width/2} show white. Immutable; "changes" return a copy.
 */
public record WindowLevel(double center, double width) {

    public static final WindowLevel LUNG = new WindowLevel(-600, 1500);
    public static final WindowLevel MEDIASTINUM = new WindowLevel(50, 350);
    public static final WindowLevel BRAIN = new WindowLevel(40, 80);
    public static final WindowLevel BONE = new WindowLevel(400, 1800);
    public static final WindowLevel ABDOMEN = new WindowLevel(50, 400);

    /** Smallest width DICOM allows for the linear VOI function. */
    public static final double MIN_WIDTH = 1.0;

    // One pixel of mouse travel moves the window by this fraction of its width, so a narrow brain window
    // and a wide lung window both take a similar hand movement to change noticeably (as in common PACS).
    private static final double DRAG_FRACTION_PER_PIXEL = 1.0 / 256.0;

    public WindowLevel {
        if (!Double.isFinite(center)) {
            throw new IllegalArgumentException("center must be a finite number but was " + center);
        }
        if (!(width >= MIN_WIDTH) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("width must be a finite number >= " + MIN_WIDTH + " but was " + width);
        }
    }

    /** The window covering {@code lower..upper}; a degenerate range gets the minimum width. */
    public static WindowLevel spanning(double lower, double upper) {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("lower must be <= upper but was " + lower + " > " + upper);
        }
        return new WindowLevel((lower + upper) / 2.0, Math.max(MIN_WIDTH, upper - lower));
    }

    /**
     * The window after a mouse drag of {@code dx, dy} screen pixels: moving right widens the window (less
     * contrast), moving down raises the centre (darker image). The width never drops below {@link #MIN_WIDTH}.
     */
    public WindowLevel dragged(double dx, double dy) {
        double step = Math.max(1.0, width * DRAG_FRACTION_PER_PIXEL);
        return new WindowLevel(center + dy * step, Math.max(MIN_WIDTH, width + dx * step));
    }

    public WindowLevel withCenter(double newCenter) {
        return new WindowLevel(newCenter, width);
    }

    public WindowLevel withWidth(double newWidth) {
        return new WindowLevel(center, newWidth);
    }
}
