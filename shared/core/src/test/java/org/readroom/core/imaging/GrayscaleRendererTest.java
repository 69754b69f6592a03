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
}
