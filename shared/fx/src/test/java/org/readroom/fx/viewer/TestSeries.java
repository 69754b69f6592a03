package org.readroom.fx.viewer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntBinaryOperator;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.Photometric;
import org.readroom.core.dicom.PixelSpacing;
import org.readroom.core.imaging.Rescale;
import org.readroom.core.imaging.WindowLevel;

/** Synthetic CT slices with known values, and a clock tests move by hand. */
final class TestSeries {

    static final Optional<PixelSpacing> SPACING_0_7 = Optional.of(new PixelSpacing(0.7, 0.7));

    private TestSeries() {}

    /** A square CT slice whose Hounsfield value at (column, row) is {@code huAt}. */
    static DicomImage ct(int size, double location, Optional<PixelSpacing> spacing, IntBinaryOperator huAt) {
        short[] values = new short[size * size];
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                values[row * size + column] = (short) (huAt.applyAsInt(column, row) + 1024);
            }
        }
        return new DicomImage(
                size,
                size,
                1,
                16,
                true,
                Photometric.MONOCHROME2,
                "CT",
                "1.2.840.10008.5.1.4.1.1.2",
                "1.2.840.10008.1.2.1",
                new Rescale(1, -1024),
                spacing,
                List.of(WindowLevel.LUNG, WindowLevel.MEDIASTINUM),
                location,
                new short[][] {values});
    }

    /** {@code count} 100x100 slices with 0.7 mm pixels, {@code step} mm apart from {@code first}; 0 HU left, 100 right. */
    static List<DicomImage> stack(int count, double first, double step) {
        List<DicomImage> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slices.add(ct(100, first + i * step, SPACING_0_7, (c, r) -> c < 50 ? 0 : 100));
        }
        return slices;
    }

    /** A clock that stands still until the test moves it. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void advanceMillis(long millis) {
            advance(Duration.ofMillis(millis));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
