package org.readroom.core.imaging;

import java.util.Objects;
import org.readroom.core.dicom.DicomImage;

/**
 * A precomputed table from every possible stored value to an 8-bit grey level, combining the rescale (modality
 * LUT) and the DICOM linear VOI function (PS3.3 C.11.2.1.2.1) for one window. Building costs one pass over at most
 * 65,536 values; applying it is a table look-up per pixel.
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
        for (int i = 0; i < size; i++) {
            grey[i] = (byte) linearVoi(rescale.apply(min + i), window);
        }
        return new VoiLut(min, grey);
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
