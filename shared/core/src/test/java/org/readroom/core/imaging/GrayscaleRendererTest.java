package org.readroom.core.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.Photometric;

class GrayscaleRendererTest {

    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    /** One row: air, soft tissue (centre of the window) and bone, as CT stored values. */
    private static DicomImage ctRow(Photometric photometric) {
        short[] stored = {(short) (-1000 + 1024), (short) (50 + 1024), (short) (700 + 1024)};
        return new DicomImage(
                1,
                3,
                1,
                16,
                true,
                photometric,
                "CT",
                "1.2.840.10008.5.1.4.1.1.2",
                "1.2.840.10008.1.2.1",
                new Rescale(1, -1024),
                Optional.empty(),
                List.of(),
                0,
                new short[][] {stored});
    }

    /** Two colour pixels, red-ish and teal, with {@code bits} stored bits a sample. */
    private static DicomImage colourPair(int bits) {
        int scale = bits > 8 ? 1 << (bits - 8) : 1;
        short[] samples = {
            (short) (200 * scale), (short) (30 * scale), (short) (10 * scale),
            (short) (0), (short) (128 * scale), (short) (128 * scale)
        };
        return new DicomImage(
                1,
                2,
                1,
                bits,
                false,
                Photometric.RGB,
                "US",
                "1.2.840.10008.5.1.4.1.1.6.1",
                "1.2.840.10008.1.2.1",
                Rescale.IDENTITY,
                Optional.empty(),
                List.of(),
                0,
                new short[][] {samples});
    }

    @Test
    void colourIsShownAsStoredWhateverTheWindowAndInvertingFlipsIt() {
        int[] narrow = new int[2];
        int[] wide = new int[2];
        GrayscaleRenderer.render(colourPair(8), 0, WindowLevel.LUNG, false, narrow);
        GrayscaleRenderer.render(colourPair(8), 0, new WindowLevel(128, 256), false, wide);
        assertArrayEquals(new int[] {0xFFC81E0A, 0xFF008080}, narrow);
        assertArrayEquals(narrow, wide, "the window does not apply to colour");
        int[] inverted = new int[2];
        GrayscaleRenderer.render(colourPair(8), 0, WindowLevel.LUNG, true, inverted);
        assertArrayEquals(new int[] {0xFF37E1F5, 0xFFFF7F7F}, inverted);
        int[] sixteen = new int[2];
        GrayscaleRenderer.render(colourPair(16), 0, WindowLevel.LUNG, false, sixteen);
        assertArrayEquals(narrow, sixteen, "16-bit samples are shown by their top 8 bits");
    }

    @Test
    void writesOpaqueGreyPixelsThroughTheWindow() {
        int[] argb = new int[3];
        GrayscaleRenderer.render(ctRow(Photometric.MONOCHROME2), 0, WindowLevel.MEDIASTINUM, false, argb);
        assertEquals(BLACK, argb[0]);
        assertEquals(0xFF, argb[1] >>> 24, "opaque");
        assertEquals(argb[1] & 0xFF, (argb[1] >> 8) & 0xFF, "grey, not colour");
        assertEquals(WHITE, argb[2]);
    }

    @Test
    void invertSwapsBlackAndWhite() {
        int[] argb = new int[3];
        GrayscaleRenderer.render(ctRow(Photometric.MONOCHROME2), 0, WindowLevel.MEDIASTINUM, true, argb);
        assertEquals(WHITE, argb[0]);
        assertEquals(BLACK, argb[2]);
    }

    @Test
    void monochromeOneIsInvertedAutomatically() {
        int[] argb = new int[3];
        GrayscaleRenderer.render(ctRow(Photometric.MONOCHROME1), 0, WindowLevel.MEDIASTINUM, false, argb);
        assertEquals(WHITE, argb[0]);
        assertEquals(BLACK, argb[2]);
    }

    @Test
    void tooSmallOutputIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> GrayscaleRenderer.render(
                        ctRow(Photometric.MONOCHROME2), 0, WindowLevel.MEDIASTINUM, false, new int[2]));
    }

    @Test
    void missingFrameIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> GrayscaleRenderer.render(
                        ctRow(Photometric.MONOCHROME2), 1, WindowLevel.MEDIASTINUM, false, new int[3]));
    }

    @Test
    void keptTableRendersTheSamePixelsAsAFreshOne() {
        DicomImage image = ctRow(Photometric.MONOCHROME2);
        GrayscaleRenderer.Table table = GrayscaleRenderer.Table.of(image, WindowLevel.LUNG, false);
        int[] kept = new int[3];
        int[] fresh = new int[3];
        GrayscaleRenderer.render(image, 0, table, kept);
        GrayscaleRenderer.render(image, 0, WindowLevel.LUNG, false, fresh);
        assertArrayEquals(fresh, kept);
    }

    @Test
    void tableFitsOnlyTheWindowInvertAndPixelFormatItWasBuiltFor() {
        DicomImage image = ctRow(Photometric.MONOCHROME2);
        GrayscaleRenderer.Table table = GrayscaleRenderer.Table.of(image, WindowLevel.LUNG, false);
        assertTrue(table.fits(image, WindowLevel.LUNG, false));
        assertFalse(table.fits(image, WindowLevel.MEDIASTINUM, false));
        assertFalse(table.fits(image, WindowLevel.LUNG, true));
        assertFalse(table.fits(ctRow(Photometric.MONOCHROME1), WindowLevel.LUNG, false), "MONOCHROME1 flips");
    }

    // ---- the look-up table against a straightforward per-pixel reference ----

    private static final List<WindowLevel> WINDOWS = List.of(
            WindowLevel.LUNG,
            WindowLevel.MEDIASTINUM,
            new WindowLevel(0.5, 1), // a threshold
            new WindowLevel(1234.5, 77.3),
            new WindowLevel(-30000, 2),
            new WindowLevel(0, 200000)); // wider than any stored range: no value saturates
    private static final List<Rescale> RESCALES = List.of(
            Rescale.IDENTITY, new Rescale(1, -1024), new Rescale(-1, 100), new Rescale(0.37, -12.5), new Rescale(7, 3));

    /** The grey pixel the DICOM linear VOI function (PS3.3 C.11.2.1.2.1) gives one stored value, written out. */
    private static int referencePixel(int stored, Rescale rescale, WindowLevel window, boolean flip) {
        double value = stored * rescale.slope() + rescale.intercept();
        double c = window.center() - 0.5;
        double w = window.width() - 1;
        int grey;
        if (value <= c - w / 2) {
            grey = 0;
        } else if (value > c + w / 2) {
            grey = 255;
        } else {
            grey = (int) Math.round(((value - c) / w + 0.5) * 255);
        }
        if (flip) {
            grey = 255 - grey;
        }
        return 0xFF000000 | grey << 16 | grey << 8 | grey;
    }

    /** An image holding every stored value its pixel format allows, lowest first, in two frames (the second reversed). */
    private static DicomImage everyValue(int bitsStored, boolean signed, Photometric photometric, Rescale rescale) {
        int count = 1 << bitsStored;
        int min = signed ? -(count / 2) : 0;
        int columns = Math.min(count, 256);
        short[] up = new short[count];
        short[] down = new short[count];
        for (int i = 0; i < count; i++) {
            up[i] = (short) (min + i);
            down[i] = (short) (min + count - 1 - i);
        }
        return new DicomImage(
                count / columns,
                columns,
                2,
                bitsStored,
                signed,
                photometric,
                "MR",
                "1.2.840.10008.5.1.4.1.1.4",
                "1.2.840.10008.1.2.1",
                rescale,
                Optional.empty(),
                List.of(),
                0,
                new short[][] {up, down});
    }

    private static void assertMatchesReference(int bitsStored, boolean signed) {
        for (Photometric photometric : List.of(Photometric.MONOCHROME2, Photometric.MONOCHROME1)) {
            for (Rescale rescale : RESCALES) {
                DicomImage image = everyValue(bitsStored, signed, photometric, rescale);
                int pixels = image.rows() * image.columns();
                int[] argb = new int[pixels];
                for (WindowLevel window : WINDOWS) {
                    for (boolean invert : new boolean[] {false, true}) {
                        boolean flip = invert ^ (photometric == Photometric.MONOCHROME1);
                        GrayscaleRenderer.Table table = GrayscaleRenderer.Table.of(image, window, invert);
                        for (int frame = 0; frame < 2; frame++) {
                            GrayscaleRenderer.render(image, frame, table, argb);
                            for (int i = 0; i < pixels; i++) {
                                int stored = image.storedValue(frame, i);
                                int expected = referencePixel(stored, rescale, window, flip);
                                if (argb[i] != expected) {
                                    throw new AssertionError(bitsStored + "-bit " + (signed ? "signed" : "unsigned")
                                            + " " + photometric + " invert=" + invert + " " + rescale + " " + window
                                            + ": stored value " + stored + " gave " + Integer.toHexString(argb[i])
                                            + ", expected " + Integer.toHexString(expected));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void signedSixteenBitPixelsMatchTheReferenceForEveryStoredValue() {
        assertMatchesReference(16, true);
    }

    @Test
    void unsignedSixteenBitPixelsMatchTheReferenceForEveryStoredValue() {
        assertMatchesReference(16, false);
    }

    @Test
    void twelveAndEightBitPixelsMatchTheReferenceSignedAndUnsigned() {
        assertMatchesReference(12, true);
        assertMatchesReference(12, false);
        assertMatchesReference(8, false);
        assertMatchesReference(8, true);
        assertMatchesReference(1, false);
    }

    @Test
    void voiLutGreyLevelsMatchTheReferenceForEveryStoredValue() {
        for (Rescale rescale : RESCALES) {
            for (WindowLevel window : WINDOWS) {
                VoiLut lut = VoiLut.of(16, true, rescale, window);
                for (int v = -32768; v <= 32767; v++) {
                    int expected = referencePixel(v, rescale, window, false) & 0xFF;
                    if (lut.grey(v) != expected) {
                        throw new AssertionError(rescale + " " + window + ": stored value " + v + " gave grey "
                                + lut.grey(v) + ", expected " + expected);
                    }
                }
            }
        }
    }
}
