package org.readroom.core.imaging;

import java.util.Objects;
import java.util.Optional;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.PixelSpacing;

/**
 * An elliptical region of interest. Its statistics cover every pixel whose centre lies inside the ellipse, with
 * stored values mapped through the image's rescale (so a CT reads in Hounsfield units).
 */
public record EllipseRoi(Ellipse ellipse) {

    public EllipseRoi {
        Objects.requireNonNull(ellipse, "ellipse");
    }

    /** Statistics on one frame, or empty when no pixel centre falls inside the ellipse (or the image). */
    public Optional<RoiStatistics> statistics(DicomImage image, int frame) {
        Objects.requireNonNull(image, "image");
        if (frame < 0 || frame >= image.frameCount()) {
            throw new IllegalArgumentException(
                    "frame must be between 0 and " + (image.frameCount() - 1) + " but was " + frame);
        }
        Point c = ellipse.center();
        int firstRow = Math.max(0, (int) Math.floor(c.y() - ellipse.radiusY()));
        int lastRow = Math.min(image.rows() - 1, (int) Math.ceil(c.y() + ellipse.radiusY()));
        int firstColumn = Math.max(0, (int) Math.floor(c.x() - ellipse.radiusX()));
        int lastColumn = Math.min(image.columns() - 1, (int) Math.ceil(c.x() + ellipse.radiusX()));
        Rescale rescale = image.rescale();
        long count = 0;
        double mean = 0;
        double squares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int row = firstRow; row <= lastRow; row++) {
            for (int column = firstColumn; column <= lastColumn; column++) {
                if (!ellipse.contains(column + 0.5, row + 0.5)) {
                    continue;
                }
                double value = rescale.apply(image.storedValue(frame, row, column));
                // Welford's update: stable even when the values sit far from zero (HU around -1000).
                count++;
                double delta = value - mean;
                mean += delta / count;
                squares += delta * (value - mean);
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(new RoiStatistics(
                count, mean, Math.sqrt(squares / count), min, max, area(image.pixelSpacing()), ValueUnit.of(image)));
    }

    /** The ellipse's area: mm² with Pixel Spacing (anisotropic pixels included), else px². */
    public Area area(Optional<PixelSpacing> spacing) {
        return spacing.map(mm -> new Area(ellipse.area() * mm.rowMm() * mm.columnMm(), LengthUnit.MM))
                .orElseGet(() -> new Area(ellipse.area(), LengthUnit.PX));
    }
}
