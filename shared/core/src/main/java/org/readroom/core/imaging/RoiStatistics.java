package org.readroom.core.imaging;

import java.util.Objects;

/**
 * Statistics of the pixel values inside a region of interest, in {@code unit} (rescaled values).
 *
 * @param standardDeviation the population standard deviation (divides by {@code pixelCount})
 * @param area the region's geometric area, in mm² when the image has Pixel Spacing, else in px²
 */
public record RoiStatistics(
        long pixelCount, double mean, double standardDeviation, double min, double max, Area area, ValueUnit unit) {

    public RoiStatistics {
        if (pixelCount < 1) {
            throw new IllegalArgumentException("pixelCount must be >= 1 but was " + pixelCount);
        }
        if (!(standardDeviation >= 0)) {
            throw new IllegalArgumentException("standardDeviation must be >= 0 but was " + standardDeviation);
        }
        if (!(min <= mean && mean <= max)) {
            throw new IllegalArgumentException(
                    "mean must lie between min and max but was " + mean + " (min " + min + ", max " + max + ")");
        }
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(unit, "unit");
    }
}
