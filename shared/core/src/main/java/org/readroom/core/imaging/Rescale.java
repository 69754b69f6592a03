package org.readroom.core.imaging;

/**
 * The DICOM modality LUT as a linear rescale: {@code value = stored * slope + intercept} (for CT the result is
 * in Hounsfield units). {@link #IDENTITY} when the file has no Rescale Slope/Intercept.
 */
public record Rescale(double slope, double intercept) {

    public static final Rescale IDENTITY = new Rescale(1.0, 0.0);

    public Rescale {
        if (!Double.isFinite(slope) || slope == 0.0) {
            throw new IllegalArgumentException("slope must be a finite non-zero number but was " + slope);
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept must be a finite number but was " + intercept);
        }
    }

    public double apply(int storedValue) {
        return storedValue * slope + intercept;
    }

    /** The stored value that maps to {@code value}, rounded to the nearest integer. */
    public int inverse(double value) {
        return (int) Math.round((value - intercept) / slope);
    }
}
