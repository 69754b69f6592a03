package org.readroom.fx.viewer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.WindowLevel;

/**
 * One series for a reading station: what the thumbnail says (the author's description, never patient data), its
 * slices, and the window the author chose for it, if any.
 */
public record Series(String description, List<DicomImage> slices, Optional<WindowLevel> opening) {

    public Series {
        Objects.requireNonNull(description, "description");
        slices = List.copyOf(Objects.requireNonNull(slices, "slices"));
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("slices must hold at least one image for series '" + description + "'");
        }
        Objects.requireNonNull(opening, "opening");
    }

    public Series(String description, List<DicomImage> slices) {
        this(description, slices, Optional.empty());
    }
}
