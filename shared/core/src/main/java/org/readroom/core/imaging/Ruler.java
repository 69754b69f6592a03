package org.readroom.core.imaging;

import java.util.Objects;
import java.util.Optional;
import org.readroom.core.dicom.PixelSpacing;

/** A straight line between two image points, measured in millimetres when the image has Pixel Spacing. */
public record Ruler(Point start, Point end) {

    public Ruler {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * The length: with spacing, column steps count {@code columnMm} and row steps {@code rowMm} (so anisotropic
     * pixels measure right); without spacing, in pixels, never guessed as millimetres.
     */
    public Length length(Optional<PixelSpacing> spacing) {
        Objects.requireNonNull(spacing, "spacing");
        double dx = end.x() - start.x();
        double dy = end.y() - start.y();
        if (spacing.isEmpty()) {
            return new Length(Math.hypot(dx, dy), LengthUnit.PX);
        }
        PixelSpacing mm = spacing.get();
        return new Length(Math.hypot(dx * mm.columnMm(), dy * mm.rowMm()), LengthUnit.MM);
    }
}
