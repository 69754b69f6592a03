package org.readroom.core.imaging;

import java.util.Objects;

/** An ellipse with axes along the image rows and columns, in image pixel coordinates. */
public record Ellipse(Point center, double radiusX, double radiusY) {

    public Ellipse {
        Objects.requireNonNull(center, "center");
        if (!(radiusX > 0) || !Double.isFinite(radiusX)) {
            throw new IllegalArgumentException("radiusX must be a finite number > 0 but was " + radiusX);
        }
        if (!(radiusY > 0) || !Double.isFinite(radiusY)) {
            throw new IllegalArgumentException("radiusY must be a finite number > 0 but was " + radiusY);
        }
    }

    /** The ellipse inscribed in the box with opposite corners {@code a} and {@code b} (as drawn with a mouse). */
    public static Ellipse inBox(Point a, Point b) {
        return new Ellipse(
                new Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2),
                Math.abs(b.x() - a.x()) / 2,
                Math.abs(b.y() - a.y()) / 2);
    }

    /** True inside the ellipse and on its boundary. */
    public boolean contains(double x, double y) {
        double dx = (x - center.x()) / radiusX;
        double dy = (y - center.y()) / radiusY;
        return dx * dx + dy * dy <= 1.0;
    }

    /** True when the whole ellipse lies in {@code [0, width] x [0, height]}. */
    public boolean isWithin(double width, double height) {
        return center.x() - radiusX >= 0
                && center.y() - radiusY >= 0
                && center.x() + radiusX <= width
                && center.y() + radiusY <= height;
    }

    /** The area in square pixels. */
    public double area() {
        return Math.PI * radiusX * radiusY;
    }
}
