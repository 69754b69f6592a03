package org.readroom.core.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.readroom.core.imaging.Rescale;
import org.readroom.core.imaging.ValueUnit;
import org.readroom.core.imaging.WindowLevel;

class DicomImageTest {

    private static DicomImage image(int bitsStored, boolean signed, short... values) {
        return new DicomImage(
                1,
                values.length,
                1,
                bitsStored,
                signed,
                Photometric.MONOCHROME2,
                "MR",
                "1.2.840.10008.5.1.4.1.1.4",
                "1.2.840.10008.1.2.1",
                Rescale.IDENTITY,
                Optional.of(new PixelSpacing(0.5, 0.5)),
                List.of(new WindowLevel(600, 1600)),
                0,
                new short[][] {values});
    }

    @Test
    void unsignedStoredValuesAboveShortMaxReadBackPositive() {
        DicomImage image = image(16, false, (short) 0xFFFF, (short) 40000);
        assertEquals(65535, image.storedValue(0, 0));
        assertEquals(40000, image.storedValue(0, 0, 1));
    }

    @Test
    void signedStoredValuesReadBackNegative() {
        assertEquals(-1000, image(16, true, (short) -1000).storedValue(0, 0));
    }

    @Test
    void framesAreCopiedInAndOut() {
        short[] values = {1, 2};
        DicomImage image = image(16, false, values);
        values[0] = 99;
        image.frames()[0][1] = 99;
        assertEquals(1, image.storedValue(0, 0));
        assertEquals(2, image.storedValue(0, 1));
    }

    @Test
    void storedValueOutsideBitsStoredIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> image(12, false, (short) 4096));
        assertTrue(e.getMessage().contains("frames[0][0]"), e.getMessage());
        assertTrue(e.getMessage().contains("4096"), e.getMessage());
    }

    @Test
    void frameOfTheWrongLengthIsRefusedWithTheFieldName() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new DicomImage(
                        2,
                        2,
                        1,
                        16,
                        true,
                        Photometric.MONOCHROME2,
                        "CT",
                        "",
                        "",
                        Rescale.IDENTITY,
                        Optional.empty(),
                        List.of(),
                        0,
                        new short[][] {new short[3]}));
        assertTrue(e.getMessage().contains("frames[0]"), e.getMessage());
    }

    private static DicomImage colour(boolean signed, short[] samples) {
        return new DicomImage(
                1,
                2,
                1,
                8,
                signed,
                Photometric.RGB,
                "US",
                "",
                "",
                Rescale.IDENTITY,
                Optional.empty(),
                List.of(),
                0,
                new short[][] {samples});
    }

    @Test
    void colourHoldsThreeSamplesAPixelNeverSignedAndReadsAsLuminance() {
        DicomImage image = colour(false, new short[] {255, 0, 0, 10, 20, 30});
        assertEquals(255, image.sample(0, 0));
        assertEquals(30, image.sample(0, 5));
        assertEquals(76, image.storedValue(0, 0)); // 0.299 * 255
        assertEquals(18, image.storedValue(0, 0, 1)); // 0.299 * 10 + 0.587 * 20 + 0.114 * 30 = 18.13
        IllegalArgumentException shortFrame =
                assertThrows(IllegalArgumentException.class, () -> colour(false, new short[] {1, 2, 3}));
        assertTrue(shortFrame.getMessage().contains("rows*columns*samples=6"), shortFrame.getMessage());
        IllegalArgumentException signed =
                assertThrows(IllegalArgumentException.class, () -> colour(true, new short[6]));
        assertTrue(signed.getMessage().contains("colour"), signed.getMessage());
        IllegalArgumentException tooBig =
                assertThrows(IllegalArgumentException.class, () -> colour(false, new short[] {1, 2, 256, 0, 0, 0}));
        assertTrue(tooBig.getMessage().contains("frames[0][2]"), tooBig.getMessage());
    }

    @Test
    void aColourScreenshotLabelledCtIsNotMeasuredInHounsfieldUnits() {
        DicomImage screenshot = new DicomImage(
                1,
                1,
                1,
                8,
                false,
                Photometric.RGB,
                "CT",
                "",
                "",
                Rescale.IDENTITY,
                Optional.empty(),
                List.of(),
                0,
                new short[][] {{10, 20, 30}});
        assertEquals(ValueUnit.STORED_VALUE, ValueUnit.of(screenshot));
        assertEquals(
                ValueUnit.HU,
                ValueUnit.of(new DicomImage(
                        1,
                        1,
                        1,
                        16,
                        true,
                        Photometric.MONOCHROME2,
                        "CT",
                        "",
                        "",
                        Rescale.IDENTITY,
                        Optional.empty(),
                        List.of(),
                        0,
                        new short[][] {{-1000}})));
    }

    @Test
    void zeroRowsIsRefusedWithTheFieldName() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new DicomImage(
                        0,
                        2,
                        1,
                        16,
                        true,
                        Photometric.MONOCHROME2,
                        "CT",
                        "",
                        "",
                        Rescale.IDENTITY,
                        Optional.empty(),
                        List.of(),
                        0,
                        new short[][] {new short[0]}));
        assertTrue(e.getMessage().startsWith("rows"), e.getMessage());
    }

    @Test
    void equalContentMeansEqualImages() {
        assertEquals(image(16, true, (short) 5, (short) 6), image(16, true, (short) 5, (short) 6));
        assertEquals(
                image(16, true, (short) 5, (short) 6).hashCode(),
                image(16, true, (short) 5, (short) 6).hashCode());
    }

    @Test
    void openingWindowIsTheFilesFirstPreset() {
        assertEquals(
                new WindowLevel(600, 1600),
                image(16, false, (short) 1, (short) 2).openingWindow());
    }

    @Test
    void openingWindowWithoutPresetsSpansFrameZerosRescaledValues() {
        DicomImage image = new DicomImage(
                1,
                3,
                2,
                12,
                true,
                Photometric.MONOCHROME2,
                "CT",
                "1.2.840.10008.5.1.4.1.1.2",
                "1.2.840.10008.1.2.1",
                new Rescale(-2, 10),
                Optional.empty(),
                List.of(),
                0,
                new short[][] {{-5, 0, 20}, {-2000, 0, 2000}});
        // stored -5..20 -> 20..-30 with slope -2: the window spans -30..20; frame 1 is ignored.
        assertEquals(new WindowLevel(-5, 50), image.openingWindow());
    }
}
