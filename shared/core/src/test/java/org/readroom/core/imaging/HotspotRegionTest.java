package org.readroom.core.imaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.readroom.core.imaging.HotspotRegion.EllipseRegion;
import org.readroom.core.imaging.HotspotRegion.PointRegion;
import org.readroom.core.imaging.HotspotRegion.PolygonRegion;

class HotspotRegionTest {

    private static final EllipseRegion ELLIPSE = new EllipseRegion(new Ellipse(new Point(50, 40), 20, 10));

    /** A "U": a 30x30 square with a 10-wide notch cut down from the top middle. Concave. */
    private static final PolygonRegion U = new PolygonRegion(List.of(
            new Point(0, 0),
            new Point(10, 0),
            new Point(10, 20),
            new Point(20, 20),
            new Point(20, 0),
            new Point(30, 0),
            new Point(30, 30),
            new Point(0, 30)));

    @Test
    void ellipseHitTestInsideOutsideAndOnTheEdge() {
        assertTrue(ELLIPSE.contains(50, 40), "centre");
        assertTrue(ELLIPSE.contains(65, 42), "inside");
        assertFalse(ELLIPSE.contains(68, 48), "inside the bounding box but outside the ellipse");
        assertFalse(ELLIPSE.contains(10, 40), "outside");
        assertTrue(ELLIPSE.contains(70, 40), "on the edge at the end of the long axis");
        assertTrue(ELLIPSE.contains(50, 30), "on the edge at the end of the short axis");
        assertFalse(ELLIPSE.contains(70.001, 40), "just past the edge");
    }

    @Test
    void concavePolygonHitTestByTheEvenOddRule() {
        assertTrue(U.contains(5, 10), "left arm");
        assertTrue(U.contains(25, 10), "right arm");
        assertTrue(U.contains(15, 25), "base");
        assertFalse(U.contains(15, 10), "in the notch: inside the bounding box and the convex hull, not the shape");
        assertFalse(U.contains(40, 10), "outside");
        assertFalse(U.contains(-1, 10), "left of it");
    }

    @Test
    void polygonEdgesAndVerticesCountAsInside() {
        assertTrue(U.contains(10, 10), "on the notch's left edge");
        assertTrue(U.contains(15, 20), "on the notch's floor");
        assertTrue(U.contains(0, 0), "a vertex");
        assertTrue(U.contains(30, 15), "on the outer right edge");
        assertTrue(U.contains(20, 0), "the notch's top-right vertex");
    }

    @Test
    void rayThroughAVertexIsCountedOnce() {
        PolygonRegion diamond =
                new PolygonRegion(List.of(new Point(10, 0), new Point(20, 10), new Point(10, 20), new Point(0, 10)));
        assertTrue(diamond.contains(5, 10), "ray to the right passes through the vertex (20, 10)");
        assertFalse(diamond.contains(-5, 10), "left of the left vertex, on the same line");
    }

    @Test
    void selfCrossingPolygonsFollowTheEvenOddRule() {
        PolygonRegion bowTie =
                new PolygonRegion(List.of(new Point(0, 0), new Point(10, 10), new Point(10, 0), new Point(0, 10)));
        assertTrue(bowTie.contains(2, 5), "left wing");
        assertTrue(bowTie.contains(8, 5), "right wing");
        assertFalse(bowTie.contains(5, 1), "between the wings");
        // A five-pointed star drawn in one stroke: the tips are inside, the pentagon in the middle is crossed twice
        // and so lies outside (a non-zero winding rule would count it in).
        List<Point> star = new java.util.ArrayList<>();
        for (int k = 0; k < 5; k++) {
            double a = Math.toRadians(-90 + 144 * k);
            star.add(new Point(50 + 40 * Math.cos(a), 50 + 40 * Math.sin(a)));
        }
        PolygonRegion pentagram = new PolygonRegion(star);
        assertFalse(pentagram.contains(50, 50), "centre pentagon");
        assertTrue(pentagram.contains(50, 15), "top tip");
    }

    @Test
    void pointCoversItsPixel() {
        PointRegion point = new PointRegion(new Point(12.5, 7.5));
        assertTrue(point.contains(12.5, 7.5));
        assertTrue(point.contains(12.0, 7.9));
        assertFalse(point.contains(13.1, 7.5));
    }

    @Test
    void degeneratePolygonsAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new PolygonRegion(List.of(new Point(0, 0), new Point(1, 1))));
        assertTrue(e.getMessage().startsWith("vertices"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new PolygonRegion(List.of(new Point(0, 0), new Point(5, 5), new Point(10, 10))));
        assertTrue(e.getMessage().contains("non-zero area"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new PolygonRegion(List.of(new Point(3, 3), new Point(3, 3), new Point(3, 3), new Point(3, 3))));
    }

    @Test
    void regionsMustLieInsideTheImage() {
        assertTrue(ELLIPSE.isWithin(100, 100));
        assertFalse(ELLIPSE.isWithin(60, 100), "reaches x = 70");
        assertTrue(U.isWithin(30, 30), "touching the border is inside");
        assertFalse(new PointRegion(new Point(-0.1, 3)).isWithin(10, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ELLIPSE.requireWithin(60, 100));
        assertTrue(e.getMessage().contains("60x100"), e.getMessage());
    }

    @Test
    void answerNeedsANonNegativeSlice() {
        assertThrows(IllegalArgumentException.class, () -> new HotspotAnswer(-1, new PointRegion(new Point(1, 1))));
    }
}
