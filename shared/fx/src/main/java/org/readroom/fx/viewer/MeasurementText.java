package org.readroom.fx.viewer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.Annotation;
import org.readroom.core.imaging.Length;
import org.readroom.core.imaging.RoiStatistics;

/**
 * The words and numbers drawn next to annotations, in the bundle's language: lengths in mm (or "px" when the image
 * has no Pixel Spacing), angles in degrees, ROI mean/SD/min/max in HU (or stored values) and area.
 */
final class MeasurementText {

    private final ResourceBundle messages;

    MeasurementText(ResourceBundle messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** One string per line; empty for annotations without text (an arrow). */
    List<String> label(Annotation annotation, DicomImage image, int frame) {
        if (annotation instanceof Annotation.LengthMeasurement length) {
            return List.of(length(length.ruler().length(image.pixelSpacing())));
        }
        if (annotation instanceof Annotation.AngleMeasurement angle) {
            return List.of(number(angle.angle().degrees(image.pixelSpacing())) + "°");
        }
        if (annotation instanceof Annotation.EllipseRoiAnnotation roi) {
            return roi.roi()
                    .statistics(image, frame)
                    .map(this::statistics)
                    .orElseGet(() -> List.of(messages.getString(ViewerMessages.ROI_EMPTY)));
        }
        if (annotation instanceof Annotation.LesionMark mark) {
            return List.of(String.valueOf(mark.number()));
        }
        return List.of();
    }

    String length(Length length) {
        return number(length.value()) + " " + messages.getString(ViewerMessages.lengthUnit(length.unit()));
    }

    private List<String> statistics(RoiStatistics stats) {
        String unit = messages.getString(ViewerMessages.valueUnit(stats.unit()));
        return List.of(
                ViewerMessages.format(
                        messages,
                        ViewerMessages.ROI_MEAN_SD,
                        number(stats.mean()),
                        number(stats.standardDeviation()),
                        unit),
                ViewerMessages.format(messages, ViewerMessages.ROI_MIN_MAX, number(stats.min()), number(stats.max())),
                ViewerMessages.format(
                        messages,
                        ViewerMessages.ROI_AREA,
                        number(stats.area().value()),
                        messages.getString(ViewerMessages.areaUnit(stats.area().unit())),
                        stats.pixelCount()));
    }

    /** One decimal, a dot as separator in every language (as on every scanner console). */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return "-0.0".equals(text) ? "0.0" : text;
    }
}
