package org.readroom.core.imaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * A region on one image in image pixel coordinates: a candidate's hotspot answer or an author's answer key. Hit
 * tests count points on the boundary as inside.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "shape")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HotspotRegion.PointRegion.class, name = "point"),
    @JsonSubTypes.Type(value = HotspotRegion.EllipseRegion.class, name = "ellipse"),
    @JsonSubTypes.Type(value = HotspotRegion.PolygonRegion.class, name = "polygon")
})
public sealed interface HotspotRegion {

    /** True when image point {@code (x, y)} lies in the region (boundary included). */
    boolean contains(double x, double y);

    /** True when the whole region lies within an image of {@code columns} x {@code rows} pixels. */
    boolean isWithin(int columns, int rows);

    /** This region, or an exception naming the image size when it reaches outside that image. */
    default HotspotRegion requireWithin(int columns, int rows) {
        if (!isWithin(columns, rows)) {
            throw new IllegalArgumentException(
                    "region must lie inside the " + columns + "x" + rows + " image but was " + this);
        }
        return this;
    }

    /** A marked point; it covers the pixel-sized square centred on it. */
    record PointRegion(Point at) implements HotspotRegion {
        public PointRegion {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean contains(double x, double y) {
            return Math.abs(x - at.x()) <= 0.5 && Math.abs(y - at.y()) <= 0.5;
        }

        @Override
        public boolean isWithin(int columns, int rows) {
            return at.isWithin(columns, rows);
        }
    }

    /** An elliptical region. */
    record EllipseRegion(Ellipse ellipse) implements HotspotRegion {
        public EllipseRegion {
            Objects.requireNonNull(ellipse, "ellipse");
        }

        @Override
        public boolean contains(double x, double y) {
            return ellipse.contains(x, y);
        }

        @Override
        public boolean isWithin(int columns, int rows) {
            return ellipse.isWithin(columns, rows);
        }
    }

    /**
     * A polygon (closed implicitly, last vertex back to the first), hit-tested by the even-odd rule, so concave and
     * self-crossing outlines behave predictably. Needs three or more vertices enclosing a non-zero area.
     */
    record PolygonRegion(List<Point> vertices) implements HotspotRegion {

        public PolygonRegion {
            vertices = List.copyOf(Objects.requireNonNull(vertices, "vertices"));
            if (vertices.size() < 3) {
                throw new IllegalArgumentException(
                        "vertices must hold at least 3 points but holds " + vertices.size() + ": " + vertices);
            }
            if (allOnOneLine(vertices)) {
                throw new IllegalArgumentException(
                        "vertices must enclose a non-zero area but are degenerate (collinear or repeated): "
                                + vertices);
            }
        }

        private static boolean allOnOneLine(List<Point> vertices) {
            Point origin = vertices.get(0);
            for (int i = 1; i < vertices.size(); i++) {
                for (int j = i + 1; j < vertices.size(); j++) {
                    Point a = vertices.get(i);
                    Point b = vertices.get(j);
                    double cross =
                            (a.x() - origin.x()) * (b.y() - origin.y()) - (a.y() - origin.y()) * (b.x() - origin.x());
                    if (Math.abs(cross) > 1e-9) {
                        return false;
                    }
                }
            }
            return true;
        }

        @Override
        public boolean contains(double x, double y) {
            boolean inside = false;
            for (int i = 0, j = vertices.size() - 1; i < vertices.size(); j = i++) {
                Point a = vertices.get(i);
                Point b = vertices.get(j);
                if (onSegment(a, b, x, y)) {
                    return true;
                }
                // Half-open rule on y so a ray through a vertex counts that vertex once.
                if ((a.y() > y) != (b.y() > y)) {
                    double crossX = a.x() + (y - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
                    if (x < crossX) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }

        private static boolean onSegment(Point a, Point b, double x, double y) {
            double cross = (b.x() - a.x()) * (y - a.y()) - (b.y() - a.y()) * (x - a.x());
            double length = a.distanceTo(b);
            if (Math.abs(cross) > 1e-9 * Math.max(1, length)) {
                return false;
            }
            return x >= Math.min(a.x(), b.x()) - 1e-9
                    && x <= Math.max(a.x(), b.x()) + 1e-9
                    && y >= Math.min(a.y(), b.y()) - 1e-9
                    && y <= Math.max(a.y(), b.y()) + 1e-9;
        }

        @Override
        public boolean isWithin(int columns, int rows) {
            return vertices.stream().allMatch(p -> p.isWithin(columns, rows));
        }
    }
}
