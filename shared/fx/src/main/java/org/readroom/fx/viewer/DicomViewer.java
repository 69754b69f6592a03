package org.readroom.fx.viewer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.WindowLevel;

/**
 * A single-series DICOM viewer: one viewport with its toolbar below. Mouse and keys follow PACS habits (see
 * {@link PointerGestures} and {@link ViewerKeys}); the overlay shows slice, window and zoom, never patient
 * identifiers. Use on the JavaFX application thread.
 */
public final class DicomViewer extends BorderPane {

    static final String IMAGE_ID = ViewportView.IMAGE_ID;
    static final String OVERLAY_ID = ViewportView.OVERLAY_ID;

    private final ViewerModel model;
    private final ViewportView viewport;
    private final ViewerToolBar toolBar;

    /** A viewer labelled in the default locale's language (English when there is no translation). */
    public DicomViewer() {
        this(ViewerMessages.forLocale(Locale.getDefault()));
    }

    public DicomViewer(ResourceBundle messages) {
        this(new ViewerModel(messages), messages);
    }

    /** A viewer around a given model (tests pass one with a fake clock). */
    public DicomViewer(ViewerModel model, ResourceBundle messages) {
        this.model = model;
        viewport = new ViewportView(model);
        toolBar = new ViewerToolBar(
                messages, model, new ReadOnlyObjectWrapper<>(model), model.toolProperty(), viewport::requestFocus);
        setCenter(viewport);
        setBottom(toolBar);
        addEventHandler(KeyEvent.KEY_PRESSED, event -> ViewerKeys.handle(event, model, null));
        new CineDriver(() -> List.of(model)).watch(List.of(model));
    }

    /** Shows a series (see {@link ViewerModel#show}) and draws its first slice. */
    public void show(List<DicomImage> series, Optional<WindowLevel> opening) {
        model.show(series, opening);
    }

    public ViewerModel model() {
        return model;
    }

    /** The image area, for focus and for tests. */
    public ViewportView viewport() {
        return viewport;
    }

    public ViewerToolBar toolBar() {
        return toolBar;
    }

    @Override
    public void requestFocus() {
        viewport.requestFocus();
    }
}
