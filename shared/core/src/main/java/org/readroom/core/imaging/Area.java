package org.readroom.core.imaging;

import java.util.Objects;

/** A measured area in square millimetres or, when the image has no Pixel Spacing, in square pixels. */
public record Area(double value, LengthUnit unit) {

    public Area {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be a finite number >= 0 but was " + value);
        }
        Objects.requireNonNull(unit, "unit");
    }
}
