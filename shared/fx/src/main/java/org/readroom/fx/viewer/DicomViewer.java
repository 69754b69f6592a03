package org.readroom.fx.viewer;

import java.nio.IntBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.GrayscaleRenderer;
import org.readroom.core.imaging.WindowLevel;

/**
 * A DICOM stack viewer: the current slice fitted to the pane with its aspect ratio kept, a position/window overlay
 * and a row of window presets. Left-drag changes window/level, the wheel, Up/Down and PageUp/PageDown move
 * through the stack, R resets the window. Use on the JavaFX application thread.
 */
public final class DicomViewer extends StackPane {

    static final String IMAGE_ID = "viewer-image";
    static final String OVERLAY_ID = "viewer-overlay";
    static final String PRESET_ID_PREFIX = "viewer-preset-";

    private static final double PREFERRED_SIZE = 512;
    private static final double MINIMUM_SIZE = 64;

    private final ViewerModel model;
    private final ImageView imageView = new ImageView();
    private final Label overlay = new Label();
    private final HBox presetBar;

    private PixelBuffer<IntBuffer> pixelBuffer;
    private int[] pixels;
    private double lastDragX;
    private double lastDragY;

    /** A viewer labelled in the default locale's language (English when there is no translation). */
    public DicomViewer() {
        this(ViewerMessages.forLocale(Locale.getDefault()));
    }

    public DicomViewer(ResourceBundle messages) {
        model = new ViewerModel(messages);
        presetBar = presetBar(messages);

        imageView.setId(IMAGE_ID);
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        overlay.setId(OVERLAY_ID);
        overlay.setTextFill(Color.WHITE);
        overlay.setPadding(new Insets(6));
        overlay.setMouseTransparent(true);
        overlay.textProperty().bind(model.overlayTextProperty());
        StackPane.setAlignment(overlay, Pos.TOP_LEFT);
        StackPane.setAlignment(presetBar, Pos.BOTTOM_CENTER);
        getChildren().addAll(imageView, overlay, presetBar);

        setBackground(new Background(new BackgroundFill(Color.BLACK, null, null)));
        setFocusTraversable(true);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseDragged);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);

        model.sliceIndexProperty().addListener((obs, old, now) -> render());
        model.windowLevelProperty().addListener((obs, old, now) -> render());
        model.invertProperty().addListener((obs, old, now) -> render());
    }

    private HBox presetBar(ResourceBundle messages) {
        HBox bar = new HBox(4);
        bar.setAlignment(Pos.CENTER);
        bar.setPadding(new Insets(6));
        bar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        bar.setPickOnBounds(false);
        bar.setAccessibleText(messages.getString(ViewerMessages.PRESETS));
        for (ViewerPreset preset : ViewerPreset.values()) {
            Button button = new Button(messages.getString(preset.messageKey()));
            button.setId(PRESET_ID_PREFIX + preset.name().toLowerCase(Locale.ROOT));
            // Keys belong to the viewer (arrows scroll the stack), so the buttons never keep the focus.
            button.setFocusTraversable(false);
            button.setOnAction(event -> {
                model.applyPreset(preset.windowLevel());
                requestFocus();
            });
            bar.getChildren().add(button);
        }
        // A press on a button must not also start a window/level drag on the image behind it.
        bar.addEventHandler(MouseEvent.ANY, MouseEvent::consume);
        return bar;
    }

    /** Shows a series (see {@link ViewerModel#show}) and draws its first slice. */
    public void show(List<DicomImage> series, Optional<WindowLevel> opening) {
        model.show(series, opening);
        DicomImage first = model.currentImage();
        if (pixelBuffer == null
                || pixelBuffer.getWidth() != first.columns()
                || pixelBuffer.getHeight() != first.rows()) {
            pixels = new int[first.columns() * first.rows()];
            // A heap buffer lets the renderer write straight into its array; JavaFX uploads it on updateBuffer.
            pixelBuffer = new PixelBuffer<>(
                    first.columns(), first.rows(), IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            imageView.setImage(new WritableImage(pixelBuffer));
        }
        render();
    }

    public ViewerModel model() {
        return model;
    }

    private void render() {
        if (model.isEmpty() || pixelBuffer == null) {
            return;
        }
        // Pixels are opaque, so straight ARGB equals the premultiplied format PixelBuffer requires.
        GrayscaleRenderer.render(
                model.currentImage(), model.currentFrame(), model.windowLevel(), model.isInvert(), pixels);
        pixelBuffer.updateBuffer(buffer -> null);
    }

    private void mousePressed(MouseEvent event) {
        requestFocus();
        lastDragX = event.getX();
        lastDragY = event.getY();
    }

    private void mouseDragged(MouseEvent event) {
        if (!event.isPrimaryButtonDown()) {
            return;
        }
        if (!model.isEmpty()) {
            model.dragWindow(event.getX() - lastDragX, event.getY() - lastDragY);
        }
        lastDragX = event.getX();
        lastDragY = event.getY();
        event.consume();
    }

    private void scrolled(ScrollEvent event) {
        if (event.getDeltaY() == 0) {
            return;
        }
        // Wheel towards the reader (negative delta) goes deeper into the stack, as in common PACS.
        model.scroll(event.getDeltaY() < 0 ? 1 : -1);
        event.consume();
    }

    private void keyPressed(KeyEvent event) {
        switch (event.getCode()) {
            case UP -> model.scroll(-1);
            case DOWN -> model.scroll(1);
            case PAGE_UP -> model.page(-1);
            case PAGE_DOWN -> model.page(1);
            case R -> model.reset();
            default -> {
                return;
            }
        }
        event.consume();
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        imageView.setFitWidth(Math.max(1, getWidth() - insets.getLeft() - insets.getRight()));
        imageView.setFitHeight(Math.max(1, getHeight() - insets.getTop() - insets.getBottom()));
        super.layoutChildren();
    }

    // The image follows the pane's size, so it must not drive the pane's own size (that would only ever grow).
    @Override
    protected double computePrefWidth(double height) {
        return PREFERRED_SIZE;
    }

    @Override
    protected double computePrefHeight(double width) {
        return PREFERRED_SIZE;
    }

    @Override
    protected double computeMinWidth(double height) {
        return MINIMUM_SIZE;
    }

    @Override
    protected double computeMinHeight(double width) {
        return MINIMUM_SIZE;
    }
}
