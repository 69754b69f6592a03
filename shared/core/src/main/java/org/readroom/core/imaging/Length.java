package org.readroom.core.imaging;

import java.util.Objects;

/** A measured length in millimetres or, when the image has no Pixel Spacing, in pixels. */
public record Length(double value, LengthUnit unit) {

    public Length {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be a finite number >= 0 but was " + value);
        }
        Objects.requireNonNull(unit, "unit");
    }
}
