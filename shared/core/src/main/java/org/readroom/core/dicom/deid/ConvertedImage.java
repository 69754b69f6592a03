package org.readroom.core.dicom.deid;

import java.util.List;
import java.util.Objects;

/**
 * What a de-identified, converted image file says about itself: only replaced identifiers (new UIDs, pseudonym,
 * shifted date) and what is needed to group and order it. Never an original identifier.
 *
 * @param studyDate the shifted Study Date ({@code YYYYMMDD}), or empty when the file had none
 * @param seriesNumber Series Number, 0 when absent
 * @param instanceNumber Instance Number, 0 when absent
 * @param sliceLocation position along the stack used for ordering (as {@code DicomImage#sliceLocation})
 * @param colour true for an RGB image (three samples per pixel)
 * @param warnings sentences to show with the file (e.g. burned-in text may be present)
 */
public record ConvertedImage(
        String patientPseudonym,
        String studyUid,
        String seriesUid,
        String sopInstanceUid,
        String studyDate,
        String modality,
        String bodyPart,
        int seriesNumber,
        int instanceNumber,
        double sliceLocation,
        int rows,
        int columns,
        int frames,
        int bitsStored,
        boolean signed,
        boolean colour,
        List<String> warnings) {

    public ConvertedImage {
        Objects.requireNonNull(patientPseudonym, "patientPseudonym");
        Objects.requireNonNull(studyUid, "studyUid");
        Objects.requireNonNull(seriesUid, "seriesUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(studyDate, "studyDate");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(bodyPart, "bodyPart");
        if (rows <= 0 || columns <= 0 || frames <= 0) {
            throw new IllegalArgumentException(
                    "rows, columns and frames must be > 0 but were " + rows + ", " + columns + ", " + frames);
        }
        warnings = List.copyOf(warnings);
    }

    /** Pixel Data bytes of the written file: one sample per pixel (colour: three), 8 bits up to 8 stored bits, else 16. */
    public long pixelDataBytes() {
        return (long) rows * columns * frames * (colour ? 3 : 1) * (bitsStored <= 8 ? 1 : 2);
    }
}
