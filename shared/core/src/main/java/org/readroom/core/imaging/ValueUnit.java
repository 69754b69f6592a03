package org.readroom.core.imaging;

import java.util.Locale;

/**
 * What the rescaled pixel values of an image mean: Hounsfield units for CT; for other modalities (MR, CR, DX...)
 * they are plain stored values with no physical unit.
 */
public enum ValueUnit {
    HU,
    STORED_VALUE;

    public static ValueUnit forModality(String modality) {
        return "CT".equals(modality == null ? "" : modality.trim().toUpperCase(Locale.ROOT)) ? HU : STORED_VALUE;
    }
}
