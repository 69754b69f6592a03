package org.readroom.core.imaging;

import java.util.Arrays;
import java.util.Objects;
import org.readroom.core.dicom.DicomImage;

/**
 * A precomputed table from every possible stored value to an 8-bit grey level, combining the rescale (modality
 * LUT) and the DICOM linear VOI function (PS3.3 C.11.2.1.2.1) for one window. Building evaluates the function a few
 * thousand times at most (see {@link #forEachRun}) and fills at most 65,536 entries; applying it is a table look-up
 * per pixel.
 */
public final class VoiLut {

    private final int minStoredValue;
    private final byte[] grey;

    private VoiLut(int minStoredValue, byte[] grey) {
        this.minStoredValue = minStoredValue;
        this.grey = grey;
    }

    public static VoiLut of(DicomImage image, WindowLevel window) {
        return of(image.bitsStored(), image.signed(), image.rescale(), window);
    }

    public static VoiLut of(int bitsStored, boolean signed, Rescale rescale, WindowLevel window) {
        if (bitsStored < 1 || bitsStored > 16) {
            throw new IllegalArgumentException("bitsStored must be between 1 and 16 but was " + bitsStored);
        }
        Objects.requireNonNull(rescale, "rescale");
        Objects.requireNonNull(window, "window");
        int size = 1 << bitsStored;
        int min = signed ? -(size >> 1) : 0;
        byte[] grey = new byte[size];
        forEachRun(
                min,
                min + size - 1,
                rescale,
                window,
                (first, last, level) -> Arrays.fill(grey, first - min, last - min + 1, (byte) level));
        return new VoiLut(min, grey);
    }

    /** Receives the stored values {@code first..last} (inclusive), which all show as grey level {@code grey}. */
    @FunctionalInterface
    interface GreyRun {
        void accept(int first, int last, int grey);
    }

    /**
     * Hands every stored value of {@code min..max} to {@code runs}, in order, as runs of values with the same grey
     * level. The grey level is the straightforward {@code linearVoi(rescale.apply(v), window)} of each value; because
     * a linear rescale and the linear VOI function are both monotonic (and so is their floating-point evaluation),
     * each grey level forms one run, so there are at most 256 runs and a galloping search finds where each ends with
     * a handful of evaluations. A table is then filled run by run instead of value by value.
     */
    static void forEachRun(int min, int max, Rescale rescale, WindowLevel window, GreyRun runs) {
        int first = min;
        while (true) {
            int grey = linearVoi(rescale.apply(first), window);
            // Invariant: first..last all show this grey level; bound + 1 (when bound < max) shows another one.
            int last = first;
            int bound = max;
            for (int step = 1; last < bound; step <<= 1) {
                int probe = (int) Math.min((long) last + step, bound);
                if (linearVoi(rescale.apply(probe), window) != grey) {
                    bound = probe - 1;
                    break;
                }
                last = probe;
            }
            while (last < bound) {
                int middle = last + (bound - last + 1) / 2;
                if (linearVoi(rescale.apply(middle), window) == grey) {
                    last = middle;
                } else {
                    bound = middle - 1;
                }
            }
            runs.accept(first, last, grey);
            if (last >= max) {
                return;
            }
            first = last + 1;
        }
    }

    /** The DICOM "LINEAR" VOI function mapped onto 0..255. */
    static int linearVoi(double value, WindowLevel window) {
        double c = window.center() - 0.5;
        double w = window.width() - 1.0;
        if (value <= c - w / 2.0) {
            return 0;
        }
        if (value > c + w / 2.0) {
            return 255;
        }
        // w == 0 cannot reach here: the two tests above then cover every value.
        return (int) Math.round(((value - c) / w + 0.5) * 255.0);
    }

    public int minStoredValue() {
        return minStoredValue;
    }

    public int maxStoredValue() {
        return minStoredValue + grey.length - 1;
    }

    /** The grey level (0 = black, 255 = white) for a stored value, clamping values outside the stored range. */
    public int grey(int storedValue) {
        int index = storedValue - minStoredValue;
        if (index < 0) {
            index = 0;
        } else if (index >= grey.length) {
            index = grey.length - 1;
        }
        return grey[index] & 0xFF;
    }
}
