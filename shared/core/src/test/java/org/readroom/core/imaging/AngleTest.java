package org.readroom.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.readroom.core.dicom.PixelSpacing;

class AngleTest {

    @Test
    void rightAngleIsNinetyDegrees() {
        Angle angle = new Angle(new Point(10, 0), new Point(0, 0), new Point(0, 10));
        assertEquals(90.0, angle.degrees(Optional.empty()), 1e-9);
    }

    @Test
    void straightLineIsOneHundredEightyAndFoldedArmsZero() {
        assertEquals(
                180.0, new Angle(new Point(-5, 0), new Point(0, 0), new Point(7, 0)).degrees(Optional.empty()), 1e-9);
        assertEquals(0.0, new Angle(new Point(5, 5), new Point(0, 0), new Point(9, 9)).degrees(Optional.empty()), 1e-9);
    }

    @Test
    void angleIsTheSameWhicheverArmIsDrawnFirst() {
        Point a = new Point(12, 3);
        Point v = new Point(4, 8);
        Point b = new Point(-6, 20);
        assertEquals(new Angle(a, v, b).degrees(Optional.empty()), new Angle(b, v, a).degrees(Optional.empty()), 1e-9);
    }

    @Test
    void fortyFiveDegreesOnScreenIsWiderOnPixelsTwiceAsTall() {
        Angle angle = new Angle(new Point(10, 0), new Point(0, 0), new Point(10, 10));
        assertEquals(45.0, angle.degrees(Optional.of(new PixelSpacing(0.7, 0.7))), 1e-9);
        // Rows 2 mm apart, columns 1 mm: the diagonal arm is steeper in the patient.
        assertEquals(Math.toDegrees(Math.atan2(20, 10)), angle.degrees(Optional.of(new PixelSpacing(2, 1))), 1e-9);
    }

    @Test
    void armOfZeroLengthIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Angle(new Point(1, 1), new Point(1, 1), new Point(3, 3)));
        assertTrue(e.getMessage().startsWith("first"), e.getMessage());
    }
}
