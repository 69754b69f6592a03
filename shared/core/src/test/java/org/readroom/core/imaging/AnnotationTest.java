package org.readroom.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnnotationTest {

    @Test
    void annotationsAreValuesEqualByContent() {
        Annotation a = new Annotation.LengthMeasurement(3, new Ruler(new Point(1, 2), new Point(3, 4)));
        Annotation b = new Annotation.LengthMeasurement(3, new Ruler(new Point(1, 2), new Point(3, 4)));
        assertEquals(a, b);
        assertEquals(3, a.sliceIndex());
    }

    @Test
    void negativeSliceIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Annotation.Arrow(-1, new Point(0, 0), new Point(5, 5)));
        assertTrue(e.getMessage().startsWith("sliceIndex"), e.getMessage());
    }

    @Test
    void lesionNumbersStartAtOne() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Annotation.LesionMark(0, new Point(0, 0), 0));
        assertTrue(e.getMessage().startsWith("number"), e.getMessage());
    }

    @Test
    void ellipseFromABoxDrawnInAnyDirection() {
        Ellipse e = Ellipse.inBox(new Point(30, 10), new Point(10, 30));
        assertEquals(new Ellipse(new Point(20, 20), 10, 10), e);
    }

    @Test
    void flatEllipseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ellipse.inBox(new Point(10, 10), new Point(30, 10)));
    }
}
