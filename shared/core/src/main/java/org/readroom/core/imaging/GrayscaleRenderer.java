package org.readroom.core.imaging;

import java.util.Objects;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.Photometric;

/**
 * Turns one frame of a grayscale {@link DicomImage} into opaque ARGB pixels through the rescale and a window.
 * Pure Java so the same pixels can be rendered by JavaFX, written to a PNG or checked in a test.
 */
public final class GrayscaleRenderer {

    private GrayscaleRenderer() {}

    /**
     * Writes {@code rows * columns} opaque ARGB pixels (row by row) into {@code argbOut}. MONOCHROME1 images are
     * inverted automatically; {@code invert} flips the result again on the reader's request.
     */
    public static void render(DicomImage image, int frame, WindowLevel window, boolean invert, int[] argbOut) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(argbOut, "argbOut");
        int pixels = image.rows() * image.columns();
        if (argbOut.length < pixels) {
            throw new IllegalArgumentException(
                    "argbOut must hold at least " + pixels + " pixels but has length " + argbOut.length);
        }
        if (frame < 0 || frame >= image.frameCount()) {
            throw new IllegalArgumentException(
                    "frame must be between 0 and " + (image.frameCount() - 1) + " but was " + frame);
        }
        boolean flip = invert ^ (image.photometric() == Photometric.MONOCHROME1);
        VoiLut lut = VoiLut.of(image, window);
        int[] argbTable = argbTable(lut, flip);
        // DicomImage guarantees every stored value lies within bitsStored, so no per-pixel clamping is needed.
        int offset = -lut.minStoredValue();
        for (int i = 0; i < pixels; i++) {
            argbOut[i] = argbTable[image.storedValue(frame, i) + offset];
        }
    }

    private static int[] argbTable(VoiLut lut, boolean flip) {
        int min = lut.minStoredValue();
        int[] table = new int[lut.maxStoredValue() - min + 1];
        for (int i = 0; i < table.length; i++) {
            int g = lut.grey(min + i);
            if (flip) {
                g = 255 - g;
            }
            table[i] = 0xFF000000 | (g << 16) | (g << 8) | g;
        }
        return table;
    }
}
