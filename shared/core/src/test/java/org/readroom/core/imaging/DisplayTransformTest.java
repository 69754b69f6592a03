package org.readroom.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DisplayTransformTest {

    private static final double EPS = 1e-9;

    private static void assertPoint(Point expected, Point actual) {
        assertEquals(expected.x(), actual.x(), EPS, () -> "x of " + actual + " (expected " + expected + ")");
        assertEquals(expected.y(), actual.y(), EPS, () -> "y of " + actual + " (expected " + expected + ")");
    }

    /** A transform touched by every kind of change, to exercise the mapping in all its parts. */
    private static List<DisplayTransform> variety() {
        DisplayTransform fit = DisplayTransform.fit(300, 200, 640, 480);
        List<UnaryOperator<DisplayTransform>> changes = List.of(
                t -> t,
                t -> t.zoomedAt(2.5, new Point(100, 50)),
                t -> t.panned(37, -12),
                DisplayTransform::rotatedClockwise,
                t -> t.rotatedClockwise().rotatedClockwise(),
                DisplayTransform::rotatedCounterClockwise,
                DisplayTransform::flippedHorizontally,
                DisplayTransform::flippedVertically,
                t -> t.rotatedClockwise().flippedHorizontally().panned(5, 9).zoomedAt(0.7, new Point(10, 400)));
        return changes.stream().map(change -> change.apply(fit)).toList();
    }

    @Test
    void fitCentresTheWholeImageAsLargeAsTheViewAllows() {
        DisplayTransform fit = DisplayTransform.fit(512, 256, 800, 600);
        assertEquals(800.0 / 512, fit.zoom(), EPS, "width limits");
        assertPoint(new Point(0, 300 - 128 * 800.0 / 512), fit.toScreen(new Point(0, 0)));
        assertPoint(new Point(800, 300 + 128 * 800.0 / 512), fit.toScreen(new Point(512, 256)));
        assertPoint(new Point(400, 300), fit.toScreen(new Point(256, 128)));
    }

    @Test
    void imageToScreenAndBackIsTheIdentityForEveryTransform() {
        for (DisplayTransform t : variety()) {
            for (Point p : List.of(new Point(0, 0), new Point(299.5, 0.25), new Point(17.3, 188.9))) {
                assertPoint(p, t.toImage(t.toScreen(p)));
                assertPoint(p, t.toScreen(t.toImage(p)));
            }
        }
    }

    @Test
    void matrixMapsLikeToScreen() {
        for (DisplayTransform t : variety()) {
            DisplayTransform.Matrix m = t.matrix();
            Point p = new Point(42.5, 123.25);
            assertPoint(
                    t.toScreen(p),
                    new Point(m.mxx() * p.x() + m.mxy() * p.y() + m.tx(), m.myx() * p.x() + m.myy() * p.y() + m.ty()));
        }
    }

    @Test
    void zoomingAtAPointKeepsTheImagePointUnderTheCursor() {
        for (DisplayTransform t : variety()) {
            Point cursor = new Point(123, 321);
            Point under = t.toImage(cursor);
            DisplayTransform zoomed = t.zoomedAt(1.7, cursor);
            assertEquals(t.zoom() * 1.7, zoomed.zoom(), EPS);
            assertPoint(under, zoomed.toImage(cursor));
        }
    }

    @Test
    void zoomStopsAtItsLimitsAndStillKeepsTheCursorPoint() {
        DisplayTransform t = DisplayTransform.fit(100, 100, 100, 100);
        Point cursor = new Point(10, 90);
        Point under = t.toImage(cursor);
        DisplayTransform huge = t.zoomedAt(1e6, cursor);
        assertEquals(DisplayTransform.MAX_ZOOM, huge.zoom());
        assertPoint(under, huge.toImage(cursor));
        assertEquals(DisplayTransform.MIN_ZOOM, t.zoomedAt(1e-6, cursor).zoom());
    }

    @Test
    void panMovesTheImageByTheDragDistance() {
        DisplayTransform t = DisplayTransform.fit(100, 100, 200, 200).zoomedBy(3);
        Point before = t.toScreen(new Point(20, 30));
        Point after = t.panned(15, -4).toScreen(new Point(20, 30));
        assertPoint(new Point(before.x() + 15, before.y() - 4), after);
    }

    @Test
    void rotatingClockwiseTurnsTheTopOfTheImageToTheRight() {
        DisplayTransform t = DisplayTransform.fit(100, 100, 100, 100).rotatedClockwise();
        assertEquals(1, t.quarterTurns());
        assertPoint(new Point(100, 50), t.toScreen(new Point(50, 0)), "top centre lands on the right edge");
        assertPoint(new Point(50, 100), t.toScreen(new Point(100, 50)), "right centre lands on the bottom edge");
    }

    private static void assertPoint(Point expected, Point actual, String what) {
        assertEquals(expected.x(), actual.x(), EPS, what);
        assertEquals(expected.y(), actual.y(), EPS, what);
    }

    @Test
    void fourQuarterTurnsEitherWayAreTheIdentity() {
        DisplayTransform t =
                DisplayTransform.fit(300, 200, 640, 480).panned(11, 7).flippedVertically();
        DisplayTransform cw =
                t.rotatedClockwise().rotatedClockwise().rotatedClockwise().rotatedClockwise();
        assertEquals(t, cw);
        assertEquals(t, t.rotatedCounterClockwise().rotatedClockwise());
    }

    @Test
    void horizontalFlipMirrorsOnScreenWhateverTheRotation() {
        for (DisplayTransform t : variety()) {
            Point p = new Point(30, 40);
            Point shown = t.toScreen(p);
            Point mirrored = t.flippedHorizontally().toScreen(p);
            assertEquals(t.viewWidth() - shown.x(), mirrored.x(), EPS, "mirrored about the view centre");
            assertEquals(shown.y(), mirrored.y(), EPS);
        }
    }

    @Test
    void verticalFlipTwiceIsTheIdentity() {
        DisplayTransform t =
                DisplayTransform.fit(300, 200, 640, 480).rotatedClockwise().panned(3, 4);
        assertEquals(t, t.flippedVertically().flippedVertically());
    }

    @Test
    void sidewaysImageFitsWithWidthAndHeightSwapped() {
        DisplayTransform t = DisplayTransform.fit(400, 100, 400, 400);
        assertEquals(1.0, t.zoom(), EPS);
        assertEquals(1.0, t.rotatedClockwise().fitted().zoom(), EPS, "now 100 wide and 400 high: still 1");
        assertEquals(
                2.0,
                DisplayTransform.fit(400, 100, 200, 800)
                        .rotatedClockwise()
                        .fitted()
                        .zoom(),
                EPS);
    }

    @Test
    void fittedKeepsOrientationAndInvertButResetDropsThem() {
        DisplayTransform t = DisplayTransform.fit(100, 100, 200, 200)
                .rotatedClockwise()
                .flippedHorizontally()
                .inverted()
                .zoomedAt(3, new Point(0, 0))
                .panned(20, 20);
        DisplayTransform fitted = t.fitted();
        assertEquals(2.0, fitted.zoom(), EPS);
        assertEquals(0.0, fitted.panX());
        assertEquals(1, fitted.quarterTurns());
        assertTrue(fitted.flipH());
        assertTrue(fitted.invert());
        assertEquals(DisplayTransform.fit(100, 100, 200, 200), t.reset());
    }

    @Test
    void resizingKeepsTheFramingRelativeToTheView() {
        DisplayTransform t = DisplayTransform.fit(100, 100, 200, 200).zoomedAt(2, new Point(150, 150));
        Point corner = t.toImage(new Point(0, 0));
        DisplayTransform bigger = t.resizedTo(400, 400);
        assertEquals(t.zoom() * 2, bigger.zoom(), EPS);
        assertPoint(corner, bigger.toImage(new Point(0, 0)));
    }

    @Test
    void dragZoomUpEnlargesDownShrinksAndTheyCancel() {
        assertTrue(DisplayTransform.zoomFactorForDrag(-30) > 1);
        assertTrue(DisplayTransform.zoomFactorForDrag(30) < 1);
        assertEquals(1.0, DisplayTransform.zoomFactorForDrag(-30) * DisplayTransform.zoomFactorForDrag(30), EPS);
        assertEquals(2.0, DisplayTransform.zoomFactorForDrag(-150), EPS);
    }

    @Test
    void showsImageAtIsFalseInTheLetterbox() {
        DisplayTransform t = DisplayTransform.fit(100, 50, 100, 100);
        assertTrue(t.showsImageAt(new Point(50, 50)));
        assertFalse(t.showsImageAt(new Point(50, 10)), "above the image in a wide-image letterbox");
    }

    @Test
    void forAnotherImageSizeRefitsButKeepsOrientation() {
        DisplayTransform t =
                DisplayTransform.fit(100, 100, 200, 200).rotatedClockwise().inverted();
        DisplayTransform other = t.forImage(400, 200);
        assertEquals(400, other.imageWidth());
        assertEquals(1, other.quarterTurns());
        assertTrue(other.invert());
        assertEquals(0.5, other.zoom(), EPS, "400 wide shown sideways in 200 high");
    }

    @Test
    void invalidValuesAreRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new DisplayTransform(100, 100, 0, 100, 1, 0, 0, 0, false, false, false));
        assertTrue(e.getMessage().startsWith("viewWidth"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new DisplayTransform(100, 100, 100, 100, 1, 0, 0, 4, false, false, false));
        assertTrue(e.getMessage().startsWith("quarterTurns"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DisplayTransform.fit(100, 100, 100, 100)
                .zoomedBy(0));
        assertTrue(e.getMessage().startsWith("factor"), e.getMessage());
    }

    @Test
    void imageDirectionIsTheUnitImageStepThatShowsThatWayOnScreen() {
        Point p = new Point(120.5, 80.5);
        for (DisplayTransform t : variety()) {
            for (Point screenStep : List.of(new Point(1, 0), new Point(-1, 0), new Point(0, 1), new Point(0, -1))) {
                Point d = t.imageDirection(screenStep.x(), screenStep.y());
                assertEquals(1.0, Math.hypot(d.x(), d.y()), EPS, "one image pixel");
                Point from = t.toScreen(p);
                Point to = t.toScreen(new Point(p.x() + d.x(), p.y() + d.y()));
                assertPoint(
                        new Point(screenStep.x() * t.zoom(), screenStep.y() * t.zoom()),
                        new Point(to.x() - from.x(), to.y() - from.y()));
            }
        }
    }

    @Test
    void afterAClockwiseTurnRightOnScreenIsTowardsTheTopOfTheImage() {
        DisplayTransform turned = DisplayTransform.fit(300, 200, 640, 480).rotatedClockwise();
        assertPoint(new Point(0, -1), turned.imageDirection(1, 0));
        assertPoint(new Point(1, 0), turned.imageDirection(0, 1));
        assertPoint(new Point(0, 1), turned.flippedHorizontally().imageDirection(1, 0));
    }

    @Test
    void keepingInViewPansOnlyWhenThePointLeavesTheView() {
        DisplayTransform zoomed = DisplayTransform.fit(100, 100, 400, 400).zoomedBy(4); // 16 screen px per pixel
        Point visible = new Point(50, 50);
        assertTrue(zoomed.keepingInView(visible, 20) == zoomed, "already in view: unchanged");
        Point offRight = new Point(90, 50);
        DisplayTransform kept = zoomed.keepingInView(offRight, 20);
        assertPoint(new Point(380, 200), kept.toScreen(offRight));
        assertEquals(zoomed.zoom(), kept.zoom(), EPS);
        Point offTopLeft = new Point(2, 3);
        assertPoint(new Point(20, 20), zoomed.keepingInView(offTopLeft, 20).toScreen(offTopLeft));
        DisplayTransform tiny = DisplayTransform.fit(100, 100, 30, 30).zoomedBy(4);
        assertPoint(new Point(15, 15), tiny.keepingInView(offRight, 20).toScreen(offRight));
    }
}
