package org.readroom.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VoiLutTest {

    private static final Rescale CT = new Rescale(1, -1024);

    private static int greyForHu(double hu, WindowLevel window) {
        return VoiLut.of(16, true, CT, window).grey(CT.inverse(hu));
    }

    @Test
    void valuesBelowTheWindowAreBlack() {
        assertEquals(0, greyForHu(-1000, WindowLevel.MEDIASTINUM));
        assertEquals(0, greyForHu(50 - 175 - 1, WindowLevel.MEDIASTINUM));
    }

    @Test
    void valuesAboveTheWindowAreWhite() {
        assertEquals(255, greyForHu(700, WindowLevel.MEDIASTINUM));
        assertEquals(255, greyForHu(50 + 175 + 1, WindowLevel.MEDIASTINUM));
    }

    @Test
    void theCentreIsMidGrey() {
        int grey = greyForHu(50, WindowLevel.MEDIASTINUM);
        assertTrue(grey == 127 || grey == 128, "centre gave " + grey);
    }

    @Test
    void greyRisesMonotonicallyAcrossTheWindow() {
        VoiLut lut = VoiLut.of(16, true, CT, WindowLevel.LUNG);
        int previous = -1;
        for (int hu = -1400; hu <= 200; hu += 10) {
            int grey = lut.grey(CT.inverse(hu));
            assertTrue(grey >= previous, "grey fell at " + hu + " HU");
            previous = grey;
        }
    }

    @Test
    void followsTheDicomLinearFunctionInsideTheWindow() {
        // PS3.3 C.11.2.1.2.1: y = ((x - (c - 0.5)) / (w - 1) + 0.5) * 255
        WindowLevel window = new WindowLevel(40, 400);
        double expected = ((100 - 39.5) / 399.0 + 0.5) * 255.0;
        assertEquals(Math.round(expected), greyForHu(100, window));
    }

    @Test
    void widthOneIsAThreshold() {
        WindowLevel threshold = new WindowLevel(0, 1);
        assertEquals(0, greyForHu(-1, threshold));
        assertEquals(255, greyForHu(1, threshold));
    }

    @Test
    void unsignedTablesCoverZeroToTheMaximumStoredValue() {
        VoiLut lut = VoiLut.of(12, false, Rescale.IDENTITY, new WindowLevel(2048, 4096));
        assertEquals(0, lut.minStoredValue());
        assertEquals(4095, lut.maxStoredValue());
        assertEquals(0, lut.grey(0));
        assertEquals(255, lut.grey(4095));
    }

    @Test
    void signedTablesCoverTheNegativeRange() {
        VoiLut lut = VoiLut.of(16, true, Rescale.IDENTITY, WindowLevel.LUNG);
        assertEquals(-32768, lut.minStoredValue());
        assertEquals(32767, lut.maxStoredValue());
    }

    @Test
    void outOfRangeBitsStoredIsRefusedWithAMessageNamingTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> VoiLut.of(17, false, Rescale.IDENTITY, WindowLevel.LUNG));
        assertTrue(e.getMessage().contains("bitsStored"), e.getMessage());
    }
}
