package org.readroom.core.dicom.pixelmed;

import java.util.List;
import java.util.Objects;
import org.readroom.core.dicom.PixelSpacing;
import org.readroom.core.imaging.Rescale;
import org.readroom.core.imaging.WindowLevel;

/**
 * What every slice of a written CT series shares. {@code windowExplanations} names the presets in the same order
 * (e.g. "LUNG", "MEDIASTINUM").
 */
public record CtSeriesHeader(
        String patientName,
        String patientId,
        String studyDescription,
        String seriesDescription,
        String imageComments,
        int rows,
        int columns,
        PixelSpacing pixelSpacing,
        double sliceThicknessMm,
        Rescale rescale,
        List<WindowLevel> windowPresets,
        List<String> windowExplanations) {

    public CtSeriesHeader {
        Objects.requireNonNull(patientName, "patientName");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(studyDescription, "studyDescription");
        Objects.requireNonNull(seriesDescription, "seriesDescription");
        Objects.requireNonNull(imageComments, "imageComments");
        if (rows <= 0) {
            throw new IllegalArgumentException("rows must be > 0 but was " + rows);
        }
        if (columns <= 0) {
            throw new IllegalArgumentException("columns must be > 0 but was " + columns);
        }
        Objects.requireNonNull(pixelSpacing, "pixelSpacing");
        if (!(sliceThicknessMm > 0) || !Double.isFinite(sliceThicknessMm)) {
            throw new IllegalArgumentException(
                    "sliceThicknessMm must be a finite number > 0 but was " + sliceThicknessMm);
        }
        Objects.requireNonNull(rescale, "rescale");
        windowPresets = List.copyOf(windowPresets);
        windowExplanations = List.copyOf(windowExplanations);
        if (windowExplanations.size() != windowPresets.size()) {
            throw new IllegalArgumentException("windowExplanations must name each of the " + windowPresets.size()
                    + " windowPresets but has " + windowExplanations.size() + " entries");
        }
    }
}
