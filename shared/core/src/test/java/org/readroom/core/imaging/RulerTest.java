package org.readroom.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.readroom.core.dicom.PixelSpacing;

class RulerTest {

    @Test
    void lengthIsInMillimetresWithTheChestPhantomsSpacing() {
        Length length =
                new Ruler(new Point(10, 10), new Point(110, 10)).length(Optional.of(new PixelSpacing(0.7, 0.7)));
        assertEquals(LengthUnit.MM, length.unit());
        assertEquals(70.0, length.value(), 1e-9);
    }

    @Test
    void diagonalUsesBothSpacings() {
        Length length = new Ruler(new Point(0, 0), new Point(30, 40)).length(Optional.of(new PixelSpacing(0.7, 0.7)));
        assertEquals(35.0, length.value(), 1e-9);
    }

    @Test
    void anisotropicSpacingScalesColumnsAndRowsSeparately() {
        // Rows 2 mm apart, columns 0.5 mm apart: 10 columns across = 5 mm, 10 rows down = 20 mm.
        PixelSpacing spacing = new PixelSpacing(2.0, 0.5);
        assertEquals(
                5.0,
                new Ruler(new Point(0, 0), new Point(10, 0))
                        .length(Optional.of(spacing))
                        .value(),
                1e-9);
        assertEquals(
                20.0,
                new Ruler(new Point(0, 0), new Point(0, 10))
                        .length(Optional.of(spacing))
                        .value(),
                1e-9);
        assertEquals(
                Math.hypot(5, 20),
                new Ruler(new Point(0, 0), new Point(10, 10))
                        .length(Optional.of(spacing))
                        .value(),
                1e-9);
    }

    @Test
    void withoutSpacingTheLengthIsInPixelsNotMillimetres() {
        Length length = new Ruler(new Point(0, 0), new Point(3, 4)).length(Optional.empty());
        assertEquals(new Length(5.0, LengthUnit.PX), length);
    }

    @Test
    void directionDoesNotMatter() {
        Optional<PixelSpacing> spacing = Optional.of(new PixelSpacing(0.7, 0.9));
        assertEquals(
                new Ruler(new Point(1, 2), new Point(40, 70)).length(spacing),
                new Ruler(new Point(40, 70), new Point(1, 2)).length(spacing));
    }
}
