package org.readroom.core.imaging;

import java.util.Locale;

/**
 * What the rescaled pixel values of an image mean: Hounsfield units for CT; for other modalities (MR, CR, DX...)
 * they are plain stored values with no physical unit.
 */
public enum ValueUnit {
    HU,
    STORED_VALUE;

    /** What an image's values mean: a colour image's values (their luminance) are never Hounsfield units. */
    public static ValueUnit of(org.readroom.core.dicom.DicomImage image) {
        return image.photometric().isColour() ? STORED_VALUE : forModality(image.modality());
    }

    public static ValueUnit forModality(String modality) {
        return "CT".equals(modality == null ? "" : modality.trim().toUpperCase(Locale.ROOT)) ? HU : STORED_VALUE;
    }
}
