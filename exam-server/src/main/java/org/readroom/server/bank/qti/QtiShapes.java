package org.readroom.server.bank.qti;

import static org.readroom.server.bank.qti.QtiIds.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.readroom.core.imaging.Ellipse;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;

/**
 * Hotspot regions as QTI shapes, in image pixel coordinates. An ellipse is a {@code circle} when its radii are equal,
 * else an {@code ellipse}; a polygon is a {@code poly}; a marked point (which covers the pixel-sized square centred on
 * it) is the 1×1 {@code rect} around it, and such a rect reads back as that point.
 */
final class QtiShapes {

    record Shape(String name, String coords) {}

    private QtiShapes() {}

    static Shape of(HotspotRegion region) {
        if (region instanceof HotspotRegion.EllipseRegion ellipseRegion) {
            Ellipse e = ellipseRegion.ellipse();
            String centre = number(e.center().x()) + "," + number(e.center().y());
            return e.radiusX() == e.radiusY()
                    ? new Shape("circle", centre + "," + number(e.radiusX()))
                    : new Shape("ellipse", centre + "," + number(e.radiusX()) + "," + number(e.radiusY()));
        }
        if (region instanceof HotspotRegion.PolygonRegion polygon) {
            List<String> coords = new ArrayList<>();
            for (Point p : polygon.vertices()) {
                coords.add(number(p.x()));
                coords.add(number(p.y()));
            }
            return new Shape("poly", String.join(",", coords));
        }
        Point at = ((HotspotRegion.PointRegion) region).at();
        return new Shape(
                "rect",
                number(at.x() - 0.5) + "," + number(at.y() - 0.5) + "," + number(at.x() + 0.5) + ","
                        + number(at.y() + 0.5));
    }

    /** The region a QTI shape describes; the exception message says what is wrong with shape or coords. */
    static HotspotRegion region(String shape, String coords, String exactPoint) {
        String name = shape == null ? "" : shape.strip().toLowerCase(Locale.ROOT);
        double[] c = numbers(coords);
        switch (name) {
            case "circle":
                need(name, c, 3);
                return new HotspotRegion.EllipseRegion(new Ellipse(new Point(c[0], c[1]), c[2], c[2]));
            case "ellipse":
                need(name, c, 4);
                return new HotspotRegion.EllipseRegion(new Ellipse(new Point(c[0], c[1]), c[2], c[3]));
            case "rect":
                need(name, c, 4);
                if (Math.abs(c[2] - c[0] - 1) < 1e-9 && Math.abs(c[3] - c[1] - 1) < 1e-9) {
                    // The writer keeps the point's exact coordinates aside, as x ± 0.5 may round.
                    double[] exact = numbers(exactPoint);
                    return new HotspotRegion.PointRegion(
                            exact.length == 2
                                    ? new Point(exact[0], exact[1])
                                    : new Point((c[0] + c[2]) / 2, (c[1] + c[3]) / 2));
                }
                return new HotspotRegion.PolygonRegion(List.of(
                        new Point(c[0], c[1]), new Point(c[2], c[1]), new Point(c[2], c[3]), new Point(c[0], c[3])));
            case "poly":
                if (c.length < 6 || c.length % 2 != 0) {
                    throw new IllegalArgumentException(
                            "a poly needs x,y pairs for 3 or more vertices, has " + c.length + " numbers");
                }
                List<Point> vertices = new ArrayList<>();
                for (int i = 0; i < c.length; i += 2) {
                    vertices.add(new Point(c[i], c[i + 1]));
                }
                // HTML/QTI polygons may repeat the first vertex at the end; ReadRoom closes them implicitly.
                if (vertices.size() > 3 && vertices.get(0).equals(vertices.get(vertices.size() - 1))) {
                    vertices.remove(vertices.size() - 1);
                }
                return new HotspotRegion.PolygonRegion(vertices);
            default:
                throw new IllegalArgumentException(
                        "shape " + shape + " is not supported; ReadRoom reads circle, ellipse, rect and poly");
        }
    }

    private static void need(String shape, double[] coords, int count) {
        if (coords.length != count) {
            throw new IllegalArgumentException("a " + shape + " needs " + count + " coords, has " + coords.length);
        }
    }

    private static double[] numbers(String coords) {
        if (coords == null || coords.isBlank()) {
            return new double[0];
        }
        String[] parts = coords.split(",", -1);
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.endsWith("%")) {
                throw new IllegalArgumentException("coords in percent are not supported, use pixels: " + coords);
            }
            try {
                numbers[i] = Double.parseDouble(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("coords must be numbers separated by commas, was " + coords);
            }
            if (!Double.isFinite(numbers[i])) {
                throw new IllegalArgumentException("coords must be finite numbers, was " + coords);
            }
        }
        return numbers;
    }
}
