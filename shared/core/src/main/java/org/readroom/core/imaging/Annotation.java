package org.readroom.core.imaging;

import java.util.Objects;

/** Something a reader drew on one slice of a series, in image pixel coordinates. Immutable. */
public sealed interface Annotation {

    /** The slice (index into the displayed stack) the annotation belongs to. */
    int sliceIndex();

    private static int requireSlice(int sliceIndex) {
        if (sliceIndex < 0) {
            throw new IllegalArgumentException("sliceIndex must be >= 0 but was " + sliceIndex);
        }
        return sliceIndex;
    }

    /** A length measurement. */
    record LengthMeasurement(int sliceIndex, Ruler ruler) implements Annotation {
        public LengthMeasurement {
            requireSlice(sliceIndex);
            Objects.requireNonNull(ruler, "ruler");
        }
    }

    /** An angle measurement. */
    record AngleMeasurement(int sliceIndex, Angle angle) implements Annotation {
        public AngleMeasurement {
            requireSlice(sliceIndex);
            Objects.requireNonNull(angle, "angle");
        }
    }

    /** An elliptical region of interest whose statistics are shown next to it. */
    record EllipseRoiAnnotation(int sliceIndex, EllipseRoi roi) implements Annotation {
        public EllipseRoiAnnotation {
            requireSlice(sliceIndex);
            Objects.requireNonNull(roi, "roi");
        }
    }

    /** An arrow pointing at {@code head}. */
    record Arrow(int sliceIndex, Point head, Point tail) implements Annotation {
        public Arrow {
            requireSlice(sliceIndex);
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(tail, "tail");
        }
    }

    /** A numbered lesion marker (1, 2, 3... in the order the reader placed them). */
    record LesionMark(int sliceIndex, Point at, int number) implements Annotation {
        public LesionMark {
            requireSlice(sliceIndex);
            Objects.requireNonNull(at, "at");
            if (number < 1) {
                throw new IllegalArgumentException("number must be >= 1 but was " + number);
            }
        }
    }
}
