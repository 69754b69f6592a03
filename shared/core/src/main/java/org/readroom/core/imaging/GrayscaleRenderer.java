package org.readroom.core.imaging;

import java.util.Arrays;
import java.util.Objects;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.Photometric;

/**
 * Turns one frame of a {@link DicomImage} into opaque ARGB pixels: grayscale through the rescale and a window, colour
 * as stored (scaled to 8 bits a channel; the window does not apply to colour, inverting does). Pure Java so the same
 * pixels can be rendered by JavaFX, written to a PNG or checked in a test.
 */
public final class GrayscaleRenderer {

    private GrayscaleRenderer() {}

    /**
     * The look-up table from stored value to ARGB pixel for one pixel format, rescale and window. Building it is the
     * costly part of re-windowing; a viewer keeps it while the reader scrolls through slices that share it.
     *
     * <p>The table is indexed by the raw 16 bits of the stored value ({@code value & 0xFFFF}, two's complement for
     * signed data), so it has 65,536 entries for signed and {@code 2^bitsStored} for unsigned data. Compared with
     * indexing by {@code value - minimum}, the index is then a zero-extending load known to lie in 0..65535 with no
     * add, and the per-pixel loop ran measurably faster (BENCHMARKS.md). Only the entries a frame touches matter to
     * the cache (a CT slice uses a few thousand), so the size costs little per frame; the table is filled run by run
     * ({@link VoiLut#forEachRun}), so it is also cheap to build.
     */
    public static final class Table {
        private final int bitsStored;
        private final boolean signed;
        private final Rescale rescale;
        private final boolean flip;
        private final WindowLevel window;
        private final int[] argb;

        private Table(int bitsStored, boolean signed, Rescale rescale, boolean flip, WindowLevel window) {
            this.bitsStored = bitsStored;
            this.signed = signed;
            this.rescale = rescale;
            this.flip = flip;
            this.window = window;
            int size = 1 << bitsStored;
            int min = signed ? -(size >> 1) : 0;
            int[] table = new int[signed ? 1 << 16 : size];
            VoiLut.forEachRun(min, min + size - 1, rescale, window, (first, last, grey) -> {
                int level = flip ? 255 - grey : grey;
                int pixel = 0xFF000000 | level << 16 | level << 8 | level;
                if (first < 0) { // negative values sit at the top of the raw range, in the same order
                    Arrays.fill(table, first & 0xFFFF, (Math.min(last, -1) & 0xFFFF) + 1, pixel);
                }
                if (last >= 0) {
                    Arrays.fill(table, Math.max(first, 0), last + 1, pixel);
                }
            });
            this.argb = table;
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
        if (image.photometric().isColour()) {
            renderColour(image, frame, table.flip, argbOut);
            return;
        }
        int[] argbTable = table.argb;
        // DicomImage guarantees every stored value lies within bitsStored, so the raw 16 bits always index a filled
        // entry: no clamping per pixel. (Reading through storedValue measured no slower than reading the short[].)
        for (int i = 0; i < pixels; i++) {
            argbOut[i] = argbTable[image.storedValue(frame, i) & 0xFFFF];
        }
    }

    private static void renderColour(DicomImage image, int frame, boolean invert, int[] argbOut) {
        int pixels = image.rows() * image.columns();
        int bits = image.bitsStored();
        int flip = invert ? 0xFF : 0;
        for (int i = 0, at = 0; i < pixels; i++, at += 3) {
            int red = eightBits(image.sample(frame, at), bits) ^ flip;
            int green = eightBits(image.sample(frame, at + 1), bits) ^ flip;
            int blue = eightBits(image.sample(frame, at + 2), bits) ^ flip;
            argbOut[i] = 0xFF000000 | red << 16 | green << 8 | blue;
        }
    }

    private static int eightBits(int sample, int bitsStored) {
        return bitsStored >= 8 ? sample >>> (bitsStored - 8) : sample * 255 / ((1 << bitsStored) - 1);
    }
}
