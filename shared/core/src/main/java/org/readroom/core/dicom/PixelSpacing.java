package org.readroom.core.dicom;

/** Physical distance between pixel centres in millimetres: between rows, then between columns (DICOM order). */
public record PixelSpacing(double rowMm, double columnMm) {

    public PixelSpacing {
        if (!(rowMm > 0) || !Double.isFinite(rowMm)) {
            throw new IllegalArgumentException("rowMm must be a finite number > 0 but was " + rowMm);
        }
        if (!(columnMm > 0) || !Double.isFinite(columnMm)) {
            throw new IllegalArgumentException("columnMm must be a finite number > 0 but was " + columnMm);
        }
    }
}
