package org.readroom.fx.viewer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.readroom.core.dicom.DicomImage;

/**
 * The slices of one series in display order: single-frame images sorted by slice location (ties keep the given
 * order), or the frames of multi-frame images in order. Immutable.
 */
final class SliceStack {

    /** One displayable slice: a single-frame image, or one frame of a multi-frame image. */
    record Slice(DicomImage image, int frame) {}

    static final SliceStack EMPTY = new SliceStack(List.of());

    private final List<Slice> slices;

    private SliceStack(List<Slice> slices) {
        this.slices = slices;
    }

    static SliceStack of(List<DicomImage> series) {
        Objects.requireNonNull(series, "series");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series must hold at least one image but was empty");
        }
        List<DicomImage> sorted = new ArrayList<>(series);
        sorted.sort(Comparator.comparingDouble(DicomImage::sliceLocation));
        DicomImage first = sorted.get(0);
        List<Slice> flattened = new ArrayList<>();
        for (DicomImage image : sorted) {
            if (image.rows() != first.rows() || image.columns() != first.columns()) {
                throw new IllegalArgumentException("series must have one image size but mixes " + first.columns() + "x"
                        + first.rows() + " with " + image.columns() + "x" + image.rows());
            }
            for (int frame = 0; frame < image.frameCount(); frame++) {
                flattened.add(new Slice(image, frame));
            }
        }
        return new SliceStack(List.copyOf(flattened));
    }

    int size() {
        return slices.size();
    }

    boolean isEmpty() {
        return slices.isEmpty();
    }

    Slice get(int index) {
        return slices.get(index);
    }

    int columns() {
        return slices.get(0).image().columns();
    }

    int rows() {
        return slices.get(0).image().rows();
    }

    double location(int index) {
        return slices.get(index).image().sliceLocation();
    }

    /**
     * True when every slice has its own position along the stack, so another series can be matched to it by
     * position (frames of one multi-frame image share one and so do not qualify).
     */
    boolean hasDistinctLocations() {
        if (slices.size() < 2) {
            return false;
        }
        for (int i = 1; i < slices.size(); i++) {
            if (location(i) == location(i - 1)) {
                return false;
            }
        }
        return true;
    }

    /** The slice whose location is nearest {@code location} (the first of equals). */
    int nearestTo(double location) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < slices.size(); i++) {
            double distance = Math.abs(location(i) - location);
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }
}
