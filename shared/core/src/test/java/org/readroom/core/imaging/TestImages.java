package org.readroom.core.imaging;

import java.util.List;
import java.util.Optional;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.Photometric;
import org.readroom.core.dicom.PixelSpacing;

/** Small synthetic images with known values for measurement tests. */
final class TestImages {

    private TestImages() {}

    /** A one-frame signed 16-bit image of {@code modality} whose stored values are given row by row. */
    static DicomImage image(
            String modality,
            int columns,
            int rows,
            Rescale rescale,
            Optional<PixelSpacing> spacing,
            java.util.function.IntBinaryOperator storedAt) {
        short[] values = new short[columns * rows];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                values[row * columns + column] = (short) storedAt.applyAsInt(column, row);
            }
        }
        return new DicomImage(
                rows,
                columns,
                1,
                16,
                true,
                Photometric.MONOCHROME2,
                modality,
                "1.2.840.10008.5.1.4.1.1.2",
                "1.2.840.10008.1.2.1",
                rescale,
                spacing,
                List.of(),
                0,
                new short[][] {values});
    }
}
