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
     * The look-up table from stored value to ARGB pixel for one pixel format, rescale and window. Building it is the
     * costly part of re-windowing; a viewer keeps it while the reader scrolls through slices that share it.
     */
    public static final class Table {
        private final int bitsStored;
        private final boolean signed;
        private final Rescale rescale;
        private final boolean flip;
        private final WindowLevel window;
        private final int offset;
        private final int[] argb;

        private Table(int bitsStored, boolean signed, Rescale rescale, boolean flip, WindowLevel window) {
            this.bitsStored = bitsStored;
            this.signed = signed;
            this.rescale = rescale;
            this.flip = flip;
            this.window = window;
            VoiLut lut = VoiLut.of(bitsStored, signed, rescale, window);
            int min = lut.minStoredValue();
            this.offset = -min;
            this.argb = new int[lut.maxStoredValue() - min + 1];
            for (int i = 0; i < argb.length; i++) {
                int g = lut.grey(min + i);
                if (flip) {
                    g = 255 - g;
                }
                argb[i] = 0xFF000000 | (g << 16) | (g << 8) | g;
            }
        }

        /**
         * The table for {@code image} shown in {@code window}; MONOCHROME1 images are inverted automatically and
         * {@code invert} flips the result again on the reader's request.
         */
        public static Table of(DicomImage image, WindowLevel window, boolean invert) {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(window, "window");
            return new Table(image.bitsStored(), image.signed(), image.rescale(), flipFor(image, invert), window);
        }

        /** True when this table renders {@code image} in {@code window} as {@link #of} would. */
        public boolean fits(DicomImage image, WindowLevel window, boolean invert) {
            return bitsStored == image.bitsStored()
                    && signed == image.signed()
                    && rescale.equals(image.rescale())
                    && flip == flipFor(image, invert)
                    && this.window.equals(window);
        }

        private static boolean flipFor(DicomImage image, boolean invert) {
            return invert ^ (image.photometric() == Photometric.MONOCHROME1);
        }
    }

    /**
     * Writes {@code rows * columns} opaque ARGB pixels (row by row) into {@code argbOut}. MONOCHROME1 images are
     * inverted automatically; {@code invert} flips the result again on the reader's request.
     */
    public static void render(DicomImage image, int frame, WindowLevel window, boolean invert, int[] argbOut) {
        Objects.requireNonNull(image, "image");
        render(image, frame, Table.of(image, window, invert), argbOut);
    }

    /** As {@link #render(DicomImage, int, WindowLevel, boolean, int[])} with a table built (and kept) earlier. */
    public static void render(DicomImage image, int frame, Table table, int[] argbOut) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(table, "table");
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
        if (table.bitsStored != image.bitsStored() || table.signed != image.signed()) {
            throw new IllegalArgumentException("table must be built for " + image.bitsStored() + "-bit "
                    + (image.signed() ? "signed" : "unsigned") + " values but was for " + table.bitsStored + "-bit "
                    + (table.signed ? "signed" : "unsigned"));
        }
        int[] argbTable = table.argb;
        int offset = table.offset;
        // DicomImage guarantees every stored value lies within bitsStored, so no per-pixel clamping is needed.
        for (int i = 0; i < pixels; i++) {
            argbOut[i] = argbTable[image.storedValue(frame, i) + offset];
        }
    }
}
