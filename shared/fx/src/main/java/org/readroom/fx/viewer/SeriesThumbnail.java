package org.readroom.fx.viewer;

import java.util.ResourceBundle;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.GrayscaleRenderer;
import org.readroom.core.imaging.WindowLevel;
import org.readroom.core.imaging.WindowPresets;

/**
 * A series in the thumbnail strip: its middle slice in its opening window, its description and image count. A
 * button, so a click, Enter or Space loads it into the active viewport.
 */
final class SeriesThumbnail extends Button {

    static final String ID_PREFIX = "viewer-series-";
    static final double SIZE = 96;

    SeriesThumbnail(Series series, int index, ResourceBundle messages) {
        setId(ID_PREFIX + index);
        setText(series.description() + "\n"
                + ViewerMessages.format(
                        messages, ViewerMessages.SERIES_IMAGES, series.slices().size()));
        setContentDisplay(ContentDisplay.TOP);
        setWrapText(true);
        setMaxWidth(SIZE + 24);
        setGraphic(preview(series));
        setAccessibleText(getText());
    }

    private static ImageView preview(Series series) {
        DicomImage middle = series.slices().get(series.slices().size() / 2);
        WindowLevel window = series.opening()
                .or(() -> middle.windowPresets().stream().findFirst())
                .orElseGet(() -> WindowPresets.autoWindow(middle, 0));
        int[] argb = new int[middle.columns() * middle.rows()];
        GrayscaleRenderer.render(middle, 0, window, false, argb);
        WritableImage image = new WritableImage(middle.columns(), middle.rows());
        image.getPixelWriter()
                .setPixels(
                        0,
                        0,
                        middle.columns(),
                        middle.rows(),
                        PixelFormat.getIntArgbInstance(),
                        argb,
                        0,
                        middle.columns());
        ImageView view = new ImageView(image);
        view.setFitWidth(SIZE);
        view.setFitHeight(SIZE);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        return view;
    }

    /** Marks the thumbnail of the series shown in the active viewport. */
    void setCurrent(boolean current) {
        setStyle(current ? "-fx-border-color: #3d8bfd; -fx-border-width: 2;" : "");
    }
}
