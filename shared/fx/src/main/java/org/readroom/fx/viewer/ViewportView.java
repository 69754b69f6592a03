package org.readroom.fx.viewer;

import java.nio.IntBuffer;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeType;
import javafx.scene.transform.Affine;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.DisplayTransform;
import org.readroom.core.imaging.GrayscaleRenderer;

/**
 * One viewport: the current slice drawn through the window into a {@link PixelBuffer} and placed by the model's
 * {@link DisplayTransform} (zoom, pan, rotation and flips are a GPU transform of the image node, so they cost no
 * re-rendering), annotations on a canvas above it, and the overlay text. Mouse input goes to the model's
 * {@link PointerGestures}; keys are handled by the hosting component.
 */
public final class ViewportView extends Region {

    static final String IMAGE_ID = "viewer-image";
    static final String OVERLAY_ID = "viewer-overlay";
    static final String ANNOTATIONS_ID = "viewer-annotations";

    private static final double PREFERRED_SIZE = 512;
    private static final double MINIMUM_SIZE = 64;
    private static final Color ACTIVE_BORDER = Color.web("#3d8bfd");

    private final ViewerModel model;
    private final ImageView imageView = new ImageView();
    private final Pane imageLayer = new Pane(imageView);
    private final Canvas canvas = new Canvas();
    private final Label overlay = new Label();
    private final Affine placement = new Affine();
    // Drawn above the image: a Region border would be hidden wherever the image reaches the edge.
    private final Rectangle frame = new Rectangle();
    private final AnnotationPainter painter;

    private PixelBuffer<IntBuffer> pixelBuffer;
    private int[] pixels;
    private GrayscaleRenderer.Table table;
    private boolean active;

    public ViewportView(ViewerModel model) {
        this.model = model;
        this.painter = new AnnotationPainter(model);
        imageView.setId(IMAGE_ID);
        imageView.setSmooth(true);
        imageView.getTransforms().add(placement);
        imageLayer.setManaged(false);
        imageLayer.setMouseTransparent(true);
        canvas.setId(ANNOTATIONS_ID);
        canvas.setManaged(false);
        canvas.setMouseTransparent(true);
        overlay.setId(OVERLAY_ID);
        overlay.setTextFill(Color.WHITE);
        overlay.setPadding(new Insets(6));
        overlay.setMouseTransparent(true);
        overlay.textProperty().bind(model.overlayTextProperty());
        overlay.setEffect(new DropShadow(3, Color.BLACK));
        frame.setManaged(false);
        frame.setMouseTransparent(true);
        frame.setFill(Color.TRANSPARENT);
        frame.setStrokeWidth(2);
        frame.setStrokeType(StrokeType.INSIDE);
        getChildren().addAll(imageLayer, canvas, overlay, frame);

        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setBackground(new Background(new BackgroundFill(Color.BLACK, null, null)));
        setFocusTraversable(true);
        setAccessibleText(model.word(ViewerMessages.VIEWPORT));
        setHighlighted(false);
        focusedProperty().addListener((obs, old, focused) -> setHighlighted(focused));

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            model.pointer().dragged(e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> model.pointer().released(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> model.pointer().moved(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2 && e.isStillSincePress()) {
                pointerButton(e.getButton()).ifPresent(b -> model.pointer().doubleClicked(b, e.getX(), e.getY()));
            }
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            model.pointer().wheel(e.getDeltaY(), e.isShortcutDown(), e.getX(), e.getY());
            e.consume();
        });

        model.stackProperty().addListener((obs, old, now) -> renderPixels());
        model.sliceIndexProperty().addListener((obs, old, now) -> {
            renderPixels();
            paint();
        });
        model.windowLevelProperty().addListener((obs, old, now) -> renderPixels());
        model.transformProperty().addListener((obs, old, now) -> {
            if (old == null || now == null || old.invert() != now.invert()) {
                renderPixels();
            }
            place();
            paint();
        });
        model.annotations().all().addListener((javafx.collections.ListChangeListener<Object>) c -> paint());
        model.annotations().draftProperty().addListener((obs, old, now) -> paint());
        model.annotations().hotspotAnswerProperty().addListener((obs, old, now) -> paint());
        model.hotspotCursor().atProperty().addListener((obs, old, now) -> paint());
        // Screen readers announce how to answer by keyboard while the hotspot tool is on.
        String hotspotKeys = ViewerMessages.hotspotKeys(model.messages());
        accessibleHelpProperty().bind(model.toolProperty().map(t -> t == Tool.HOTSPOT ? hotspotKeys : null));
        renderPixels();
        place();
    }

    public ViewerModel model() {
        return model;
    }

    /** Marks this viewport as the one keys and the toolbar act on (a reading station has several). */
    void setActive(boolean active) {
        this.active = active;
        setHighlighted(isFocused());
    }

    private void setHighlighted(boolean focused) {
        frame.setStroke(active || focused ? ACTIVE_BORDER : Color.TRANSPARENT);
    }

    private void mousePressed(MouseEvent event) {
        requestFocus();
        pointerButton(event.getButton()).ifPresent(b -> model.pointer().pressed(b, event.getX(), event.getY()));
        event.consume();
    }

    private static java.util.Optional<PointerButton> pointerButton(MouseButton button) {
        return switch (button) {
            case PRIMARY -> java.util.Optional.of(PointerButton.PRIMARY);
            case SECONDARY -> java.util.Optional.of(PointerButton.SECONDARY);
            case MIDDLE -> java.util.Optional.of(PointerButton.MIDDLE);
            default -> java.util.Optional.empty();
        };
    }

    private void renderPixels() {
        if (model.isEmpty() || model.transform() == null) {
            return;
        }
        DicomImage image = model.currentImage();
        if (pixelBuffer == null
                || pixelBuffer.getWidth() != image.columns()
                || pixelBuffer.getHeight() != image.rows()) {
            pixels = new int[image.columns() * image.rows()];
            // A heap buffer lets the renderer write straight into its array; JavaFX uploads it on updateBuffer.
            pixelBuffer = new PixelBuffer<>(
                    image.columns(), image.rows(), IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            imageView.setImage(new WritableImage(pixelBuffer));
        }
        if (table == null || !table.fits(image, model.windowLevel(), model.isInvert())) {
            table = GrayscaleRenderer.Table.of(image, model.windowLevel(), model.isInvert());
        }
        // Pixels are opaque, so straight ARGB equals the premultiplied format PixelBuffer requires.
        GrayscaleRenderer.render(image, model.currentFrame(), table, pixels);
        pixelBuffer.updateBuffer(buffer -> null);
    }

    private void place() {
        DisplayTransform t = model.transform();
        if (t == null) {
            return;
        }
        DisplayTransform.Matrix m = t.matrix();
        placement.setToTransform(m.mxx(), m.mxy(), m.tx(), m.myx(), m.myy(), m.ty());
    }

    private void paint() {
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
        }
        model.setViewSize(width, height);
        frame.setWidth(width);
        frame.setHeight(height);
        overlay.autosize();
        overlay.relocate(0, 0);
        paint();
    }

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
