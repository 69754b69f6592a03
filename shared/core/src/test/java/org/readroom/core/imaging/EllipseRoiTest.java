package org.readroom.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.PixelSpacing;

class EllipseRoiTest {

    private static final Rescale CT_RESCALE = new Rescale(1, -1024);
    private static final Optional<PixelSpacing> SPACING = Optional.of(new PixelSpacing(0.7, 0.7));

    /** 20x20 CT: 0 HU left of column 10, 100 HU from column 10 on. */
    private static DicomImage halves(String modality, Rescale rescale, Optional<PixelSpacing> spacing) {
        return TestImages.image(modality, 20, 20, rescale, spacing, (column, row) -> column < 10 ? 1024 : 1124);
    }

    // A circle of radius 4 centred on the boundary: 26 pixel centres on each side (counted by hand).
    private static final EllipseRoi ACROSS_THE_BOUNDARY = new EllipseRoi(new Ellipse(new Point(10, 10), 4, 4));

    @Test
    void meanAndSdOfKnownValuesAreInHounsfieldUnitsThroughTheRescale() {
        RoiStatistics stats = ACROSS_THE_BOUNDARY
                .statistics(halves("CT", CT_RESCALE, SPACING), 0)
                .orElseThrow();
        assertEquals(52, stats.pixelCount());
        assertEquals(50.0, stats.mean(), 1e-9, "half 0 HU, half 100 HU; stored values would give 1074");
        assertEquals(50.0, stats.standardDeviation(), 1e-9);
        assertEquals(0.0, stats.min());
        assertEquals(100.0, stats.max());
        assertEquals(ValueUnit.HU, stats.unit());
    }

    @Test
    void rescaleSlopeIsApplied() {
        RoiStatistics stats = ACROSS_THE_BOUNDARY
                .statistics(halves("CT", new Rescale(2, -2048), SPACING), 0)
                .orElseThrow();
        assertEquals(100.0, stats.mean(), 1e-9);
        assertEquals(100.0, stats.standardDeviation(), 1e-9);
    }

    @Test
    void uniformRegionHasZeroSd() {
        RoiStatistics stats = new EllipseRoi(new Ellipse(new Point(4, 10), 3, 5))
                .statistics(halves("CT", CT_RESCALE, SPACING), 0)
                .orElseThrow();
        assertEquals(0.0, stats.mean(), 1e-9);
        assertEquals(0.0, stats.standardDeviation(), 1e-9);
    }

    @Test
    void areaIsTheEllipsesAreaInSquareMillimetres() {
        RoiStatistics stats = ACROSS_THE_BOUNDARY
                .statistics(halves("CT", CT_RESCALE, SPACING), 0)
                .orElseThrow();
        assertEquals(
                new Area(Math.PI * 16 * 0.49, LengthUnit.MM).value(),
                stats.area().value(),
                1e-9);
        assertEquals(LengthUnit.MM, stats.area().unit());
    }

    @Test
    void anisotropicSpacingMultipliesBothSpacings() {
        Area area = ACROSS_THE_BOUNDARY.area(Optional.of(new PixelSpacing(2.0, 0.5)));
        assertEquals(Math.PI * 16, area.value(), 1e-9);
    }

    @Test
    void withoutSpacingAreaIsInSquarePixels() {
        RoiStatistics stats = ACROSS_THE_BOUNDARY
                .statistics(halves("CT", CT_RESCALE, Optional.empty()), 0)
                .orElseThrow();
        assertEquals(new Area(Math.PI * 16, LengthUnit.PX), stats.area());
    }

    @Test
    void mrValuesAreStoredValuesWithoutAUnit() {
        RoiStatistics stats = ACROSS_THE_BOUNDARY
                .statistics(halves("MR", Rescale.IDENTITY, SPACING), 0)
                .orElseThrow();
        assertEquals(ValueUnit.STORED_VALUE, stats.unit());
        assertEquals(1074.0, stats.mean(), 1e-9);
    }

    @Test
    void ellipseOutsideTheImageHasNoStatistics() {
        assertTrue(new EllipseRoi(new Ellipse(new Point(-50, -50), 3, 3))
                .statistics(halves("CT", CT_RESCALE, SPACING), 0)
                .isEmpty());
    }

    @Test
    void ellipseOverTheEdgeCountsOnlyPixelsInTheImage() {
        RoiStatistics stats = new EllipseRoi(new Ellipse(new Point(0, 10), 4, 4))
                .statistics(halves("CT", CT_RESCALE, SPACING), 0)
                .orElseThrow();
        assertEquals(26, stats.pixelCount(), "the right half of the hand-counted circle");
    }

    @Test
    void valueUnitFollowsTheModality() {
        assertEquals(ValueUnit.HU, ValueUnit.forModality("CT"));
        assertEquals(ValueUnit.HU, ValueUnit.forModality(" ct "));
        assertEquals(ValueUnit.STORED_VALUE, ValueUnit.forModality("MR"));
        assertEquals(ValueUnit.STORED_VALUE, ValueUnit.forModality("DX"));
        assertEquals(ValueUnit.STORED_VALUE, ValueUnit.forModality(""));
    }
}
