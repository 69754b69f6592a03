package org.readroom.core.imaging;

import java.util.Objects;
import java.util.Optional;
import org.readroom.core.dicom.PixelSpacing;

/** The angle at {@code vertex} between the arms towards {@code first} and {@code second} (drawn in that order). */
public record Angle(Point first, Point vertex, Point second) {

    public Angle {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(vertex, "vertex");
        Objects.requireNonNull(second, "second");
        if (first.equals(vertex)) {
            throw new IllegalArgumentException("first must differ from the vertex " + vertex + " but was " + first);
        }
        if (second.equals(vertex)) {
            throw new IllegalArgumentException("second must differ from the vertex " + vertex + " but was " + second);
        }
    }

    /**
     * The angle in degrees (0..180) in patient space: with anisotropic Pixel Spacing the arms are scaled to
     * millimetres first, because an angle on non-square pixels differs from the angle on screen.
     */
    public double degrees(Optional<PixelSpacing> spacing) {
        Objects.requireNonNull(spacing, "spacing");
        double sx = spacing.map(PixelSpacing::columnMm).orElse(1.0);
        double sy = spacing.map(PixelSpacing::rowMm).orElse(1.0);
        double ax = (first.x() - vertex.x()) * sx;
        double ay = (first.y() - vertex.y()) * sy;
        double bx = (second.x() - vertex.x()) * sx;
        double by = (second.y() - vertex.y()) * sy;
        // atan2 of cross and dot stays accurate near 0 and 180 degrees, where acos loses precision.
        return Math.toDegrees(Math.atan2(Math.abs(ax * by - ay * bx), ax * bx + ay * by));
    }
}
