package org.readroom.fx.viewer;

import java.util.List;
import java.util.Objects;
import org.readroom.core.imaging.Point;

/**
 * An annotation (or hotspot answer) being drawn, in image coordinates: the points fixed so far and, last, the
 * point following the mouse. The view paints it; nothing is stored until the gesture ends.
 */
public record Draft(Tool tool, List<Point> points) {

    public Draft {
        Objects.requireNonNull(tool, "tool");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("points must not be empty");
        }
    }

    Point last() {
        return points.get(points.size() - 1);
    }

    Draft withLast(Point point) {
        List<Point> moved = new java.util.ArrayList<>(points);
        moved.set(moved.size() - 1, point);
        return new Draft(tool, moved);
    }

    /** The last point fixed where it is, and a new last point following the mouse from there. */
    Draft fixLast() {
        List<Point> more = new java.util.ArrayList<>(points);
        more.add(last());
        return new Draft(tool, more);
    }
}
