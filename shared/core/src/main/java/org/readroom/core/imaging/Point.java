package org.readroom.core.imaging;

/**
 * A point in a plane: image pixel coordinates (x = column, y = row, the centre of pixel (c, r) at (c + 0.5, r + 0.5))
 * or screen coordinates, depending on where it is used.
 */
public record Point(double x, double y) {

    public Point {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be a finite number but was " + x);
        }
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("y must be a finite number but was " + y);
        }
    }

    public double distanceTo(Point other) {
        return Math.hypot(other.x - x, other.y - y);
    }

    /** This point moved into {@code [0, width] x [0, height]}. */
    public Point clampedTo(double width, double height) {
        return new Point(Math.max(0, Math.min(width, x)), Math.max(0, Math.min(height, y)));
    }

    public boolean isWithin(double width, double height) {
        return x >= 0 && y >= 0 && x <= width && y <= height;
    }
}
