package org.readroom.fx.viewer;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.Annotation;
import org.readroom.core.imaging.DisplayTransform;
import org.readroom.core.imaging.HotspotAnswer;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.imaging.WindowLevel;
import org.readroom.core.imaging.WindowPresets;

/**
 * State and logic of one DICOM viewport (which slice, which window, how the image sits in the view, which tool, what
 * was drawn) with no scene graph, so it is tested without a toolkit. The overlay text shows position, window and
 * zoom only, never patient identifiers. Use on the JavaFX application thread.
 */
public final class ViewerModel implements ViewerControls {

    static final double KEY_ZOOM_FACTOR = 1.25;
    static final double KEY_PAN_PIXELS = 40;
    private static final double INITIAL_VIEW_SIZE = 512;

    private final ResourceBundle messages;
    private final Cine cine;
    private final ViewerAnnotations annotations = new ViewerAnnotations();
    private final MeasurementText measurementText;
    private final PointerGestures pointer;
    private final HotspotCursor hotspotCursor = new HotspotCursor();
    private WindowLevel opening = WindowLevel.ABDOMEN;
    private double viewWidth = INITIAL_VIEW_SIZE;
    private double viewHeight = INITIAL_VIEW_SIZE;

    private final ReadOnlyObjectWrapper<SliceStack> stack =
            new ReadOnlyObjectWrapper<>(this, "stack", SliceStack.EMPTY);
    private final ReadOnlyIntegerWrapper sliceIndex = new ReadOnlyIntegerWrapper(this, "sliceIndex", 0);
    private final ReadOnlyIntegerWrapper sliceCount = new ReadOnlyIntegerWrapper(this, "sliceCount", 0);
    private final ReadOnlyObjectWrapper<WindowLevel> windowLevel =
            new ReadOnlyObjectWrapper<>(this, "windowLevel", opening);
    private final ReadOnlyObjectWrapper<WindowPresets> presets =
            new ReadOnlyObjectWrapper<>(this, "presets", new WindowPresets(Optional.empty(), List.of()));
    private final ReadOnlyObjectWrapper<DisplayTransform> transform = new ReadOnlyObjectWrapper<>(this, "transform");
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool", Tool.WINDOW);
    private final BooleanProperty hotspotEnabled = new SimpleBooleanProperty(this, "hotspotEnabled", false);
    private final ReadOnlyStringWrapper overlayText = new ReadOnlyStringWrapper(this, "overlayText", "");

    public ViewerModel(ResourceBundle messages) {
        this(messages, Clock.systemUTC());
    }

    /** A model whose cine timing reads {@code clock} (tests pass a clock they move by hand). */
    public ViewerModel(ResourceBundle messages, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.cine = new Cine(clock);
        this.measurementText = new MeasurementText(messages);
        this.pointer = new PointerGestures(this);
        sliceIndex.addListener((obs, old, now) -> updateOverlay());
        windowLevel.addListener((obs, old, now) -> updateOverlay());
        transform.addListener((obs, old, now) -> updateOverlay());
        cine.playingProperty().addListener((obs, old, now) -> updateOverlay());
        cine.fpsProperty().addListener((obs, old, now) -> updateOverlay());
        tool.addListener((obs, old, now) -> {
            pointer.cancel();
            updateHotspotCursor();
        });
        // After a click answers, the keyboard cross moves there, so keys adjust the answer the candidate sees.
        annotations.hotspotAnswerProperty().addListener((obs, old, now) -> {
            if (now != null && hotspotCursor.isShown() && now.sliceIndex() == sliceIndex()) {
                hotspotCursor.showAt(HotspotCursor.anchorOf(now.region()), stack().columns(), stack().rows());
            }
        });
        hotspotEnabled.addListener((obs, old, enabled) -> {
            if (!enabled && tool.get() == Tool.HOTSPOT) {
                tool.set(Tool.WINDOW);
            }
        });
    }

    /**
     * Shows a series (see {@link SliceStack#of}) on its first slice, fitted to the view, with {@code opening} (the
     * case author's window), else the first image's own preset, else a window spanning the first slice's values.
     * Annotations, the hotspot answer and cine are cleared; the tool stays.
     */
    public void show(List<DicomImage> series, Optional<WindowLevel> opening) {
        Objects.requireNonNull(opening, "opening");
        SliceStack newStack = SliceStack.of(series);
        DicomImage first = newStack.get(0).image();
        WindowLevel auto = WindowPresets.autoWindow(first, newStack.get(0).frame());
        this.opening =
                opening.or(() -> first.windowPresets().stream().findFirst()).orElse(auto);
        cine.stop();
        pointer.cancel();
        annotations.reset();
        // A colour image is shown as stored: CT presets would do nothing to it, whatever its modality says.
        String presetModality = first.photometric().isColour() ? "" : first.modality();
        presets.set(WindowPresets.forSeries(presetModality, opening, first.windowPresets(), auto));
        sliceIndex.set(0);
        sliceCount.set(newStack.size());
        windowLevel.set(this.opening);
        transform.set(DisplayTransform.fit(newStack.columns(), newStack.rows(), viewWidth, viewHeight));
        stack.set(newStack);
        updateHotspotCursor();
        updateOverlay();
    }

    public boolean isEmpty() {
        return stack.get().isEmpty();
    }

    /** The series shown; a new value each time {@link #show} is called (the view then reallocates its buffers). */
    ReadOnlyObjectProperty<SliceStack> stackProperty() {
        return stack.getReadOnlyProperty();
    }

    SliceStack stack() {
        return stack.get();
    }

    // ---- stack ----

    public int sliceCount() {
        return sliceCount.get();
    }

    public ReadOnlyIntegerProperty sliceCountProperty() {
        return sliceCount.getReadOnlyProperty();
    }

    public int sliceIndex() {
        return sliceIndex.get();
    }

    /**
     * Where a slice index of the viewer (images sorted by slice location, frames spread out) comes from: the position,
     * in the list given to {@code show}, of the image holding it; -1 when out of range. Hotspot answers are kept in
     * the series' own order, which need not be the viewer's.
     */
    public int sourceIndexOf(int sliceIndex, List<DicomImage> shown) {
        if (stack.get() == null || sliceIndex < 0 || sliceIndex >= sliceCount()) {
            return -1;
        }
        DicomImage image = stack.get().get(sliceIndex).image();
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i) == image) {
                return i;
            }
        }
        return -1;
    }

    /** The first slice index showing the image at {@code sourceIndex} of the list given to {@code show}; -1 if none. */
    public int sliceIndexOfSource(int sourceIndex, List<DicomImage> shown) {
        if (stack.get() == null || sourceIndex < 0 || sourceIndex >= shown.size()) {
            return -1;
        }
        DicomImage image = shown.get(sourceIndex);
        for (int i = 0; i < sliceCount(); i++) {
            if (stack.get().get(i).image() == image) {
                return i;
            }
        }
        return -1;
    }

    public ReadOnlyIntegerProperty sliceIndexProperty() {
        return sliceIndex.getReadOnlyProperty();
    }

    /** Moves to {@code index}, clamped to the series; scrolling past either end stays on the end slice. */
    public void setSliceIndex(int index) {
        if (!isEmpty()) {
            sliceIndex.set(Math.max(0, Math.min(sliceCount() - 1, index)));
        }
    }

    /** Moves {@code delta} slices (positive = towards the end of the series). */
    public void scroll(int delta) {
        setSliceIndex(sliceIndex() + delta);
    }

    /** Moves about a tenth of the series (at least one slice) in the sign of {@code direction}. */
    public void page(int direction) {
        scroll(Integer.signum(direction) * pageSize());
    }

    int pageSize() {
        return Math.max(1, Math.round(sliceCount() / 10.0f));
    }

    /** The image on screen; the caller must not ask before {@link #show}. */
    public DicomImage currentImage() {
        return current().image();
    }

    /** The frame of {@link #currentImage()} on screen (0 for single-frame slices). */
    public int currentFrame() {
        return current().frame();
    }

    private SliceStack.Slice current() {
        if (isEmpty()) {
            throw new IllegalStateException("no series shown yet");
        }
        return stack.get().get(sliceIndex());
    }

    // ---- window ----

    public WindowLevel windowLevel() {
        return windowLevel.get();
    }

    public ReadOnlyObjectProperty<WindowLevel> windowLevelProperty() {
        return windowLevel.getReadOnlyProperty();
    }

    /** Applies a mouse drag of {@code dx, dy} pixels: see {@link WindowLevel#dragged(double, double)}. */
    public void dragWindow(double dx, double dy) {
        windowLevel.set(windowLevel().dragged(dx, dy));
    }

    public void applyPreset(WindowLevel preset) {
        windowLevel.set(Objects.requireNonNull(preset, "preset"));
    }

    /** The windows offered for the shown series (author's, standard CT or the file's, automatic). */
    public WindowPresets presets() {
        return presets.get();
    }

    public ReadOnlyObjectProperty<WindowPresets> presetsProperty() {
        return presets.getReadOnlyProperty();
    }

    @Override
    public boolean applyPresetKey(int digit) {
        return presets()
                .forKey(digit)
                .map(preset -> {
                    applyPreset(preset.window());
                    return true;
                })
                .orElse(false);
    }

    public WindowLevel openingWindow() {
        return opening;
    }

    // ---- display transform ----

    /** How the image sits in the view; null before a series is shown. */
    public DisplayTransform transform() {
        return transform.get();
    }

    public ReadOnlyObjectProperty<DisplayTransform> transformProperty() {
        return transform.getReadOnlyProperty();
    }

    void setTransform(DisplayTransform newTransform) {
        transform.set(Objects.requireNonNull(newTransform, "newTransform"));
    }

    /** Tells the model the size of the view in pixels; the framing scales with it. */
    public void setViewSize(double width, double height) {
        if (!(width >= 1) || !(height >= 1) || (width == viewWidth && height == viewHeight)) {
            return;
        }
        viewWidth = width;
        viewHeight = height;
        if (transform.get() != null) {
            transform.set(transform.get().resizedTo(width, height));
        }
    }

    public boolean isInvert() {
        return transform.get() != null && transform.get().invert();
    }

    public void toggleInvert() {
        changeTransform(DisplayTransform::inverted);
    }

    private void changeTransform(java.util.function.UnaryOperator<DisplayTransform> change) {
        if (transform.get() != null) {
            transform.set(change.apply(transform.get()));
        }
    }

    /**
     * Restores the opening window and the fitted, upright, uninverted view. The slice and the annotations stay, so a
     * reader who resets the picture does not lose their place or their work.
     */
    public void reset() {
        windowLevel.set(opening);
        changeTransform(DisplayTransform::reset);
    }

    // ---- tools, drawing, hotspot answer ----

    public Tool tool() {
        return tool.get();
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    /** Picks the left-button tool; picking the hotspot tool again shows its keyboard cross after Esc hid it. */
    @Override
    public void selectTool(Tool newTool) {
        Objects.requireNonNull(newTool, "newTool");
        if (newTool == Tool.HOTSPOT && !isHotspotEnabled()) {
            return;
        }
        if (newTool == tool.get() && !hotspotCursor.isShown()) {
            updateHotspotCursor(); // the hotspot tool picked again shows the cross again after Esc
        }
        tool.set(newTool);
    }

    /** The mouse gestures of this viewport (the view feeds them; tests call them directly). */
    public PointerGestures pointer() {
        return pointer;
    }

    public ViewerAnnotations annotations() {
        return annotations;
    }

    /** The text drawn next to an annotation, for example "12.0 mm" or the ROI statistics (one line each). */
    public List<String> label(Annotation annotation) {
        SliceStack.Slice slice = stack.get().get(annotation.sliceIndex());
        return measurementText.label(annotation, slice.image(), slice.frame());
    }

    /** The live label of the annotation being drawn, when it already measures something. */
    public List<String> draftLabel() {
        return annotations
                .draft()
                .flatMap(pointer::draftAnnotation)
                .map(this::label)
                .orElse(List.of());
    }

    ResourceBundle messages() {
        return messages;
    }

    String word(String key) {
        return messages.getString(key);
    }

    public boolean isHotspotEnabled() {
        return hotspotEnabled.get();
    }

    /** Whether the candidate may mark a hotspot answer (only on hotspot questions); off by default. */
    public BooleanProperty hotspotEnabledProperty() {
        return hotspotEnabled;
    }

    public void setHotspotEnabled(boolean enabled) {
        hotspotEnabled.set(enabled);
    }

    public Optional<HotspotAnswer> hotspotAnswer() {
        return annotations.hotspotAnswer();
    }

    /** The candidate's answer (null until marked); see {@link #setOnHotspotAnswer} to save each new one. */
    public ReadOnlyObjectProperty<HotspotAnswer> hotspotAnswerProperty() {
        return annotations.hotspotAnswerProperty();
    }

    /** Called each time the candidate marks an answer, not when {@link #restoreHotspotAnswer} shows a saved one. */
    public void setOnHotspotAnswer(Consumer<HotspotAnswer> listener) {
        annotations.setOnHotspotAnswer(listener);
    }

    /**
     * The keyboard cross of the hotspot tool (see {@link HotspotCursor}): shown while the hotspot tool is selected,
     * from the image centre, or from the candidate's answer when it is on the slice shown.
     */
    public HotspotCursor hotspotCursor() {
        return hotspotCursor;
    }

    // Shown in the hotspot tool (on the answer if it is on this slice, else the image centre), hidden elsewhere.
    private void updateHotspotCursor() {
        if (tool.get() != Tool.HOTSPOT || isEmpty()) {
            hotspotCursor.hide();
            return;
        }
        hotspotCursor.showOn(
                hotspotAnswer().filter(answer -> answer.sliceIndex() == sliceIndex()),
                stack().columns(),
                stack().rows());
    }

    /** Moves the cross and, when it would leave the view, pans the view with it. False when the cross is hidden. */
    private boolean moveHotspotCursor(ViewerCommand command) {
        if (transform() == null || !hotspotCursor.move(command, transform())) {
            return false;
        }
        Point at = hotspotCursor.at().orElseThrow();
        changeTransform(t -> t.keepingInView(at, HotspotCursor.VIEW_MARGIN));
        return true;
    }

    /** Marks the point under the cross as the answer (the same answer and listener call as a click). */
    private boolean markAnswerAtHotspotCursor() {
        return hotspotCursor
                .at()
                .map(at -> {
                    annotations.answer(new HotspotAnswer(sliceIndex(), new HotspotRegion.PointRegion(at)));
                    return true;
                })
                .orElse(false);
    }

    /** Shows a saved answer after {@link #show} (for example when the candidate returns to the question). */
    public void restoreHotspotAnswer(Optional<HotspotAnswer> answer) {
        Objects.requireNonNull(answer, "answer");
        answer.ifPresent(a -> {
            if (a.sliceIndex() >= sliceCount()) {
                throw new IllegalArgumentException(
                        "answer must be on one of the " + sliceCount() + " slices but was on " + a.sliceIndex());
            }
            a.region().requireWithin(stack.get().columns(), stack.get().rows());
        });
        annotations.restore(answer);
    }

    // ---- cine ----

    public Cine cine() {
        return cine;
    }

    /** Advances cine to the slice due now; the view calls this on every screen pulse while cine plays. */
    public void cineTick() {
        cine.tick(sliceIndex(), sliceCount()).ifPresent(this::setSliceIndex);
    }

    /** Sets the cine speed to the nearest offered speed (1..60 frames per second). */
    public void setCineFps(int fps) {
        cine.setFps(fps);
    }

    // ---- commands ----

    @Override
    public boolean execute(ViewerCommand command) {
        if (isEmpty()) {
            return false;
        }
        switch (command) {
            case PREVIOUS_SLICE -> scroll(-1);
            case NEXT_SLICE -> scroll(1);
            case PREVIOUS_PAGE -> page(-1);
            case NEXT_PAGE -> page(1);
            case FIRST_SLICE -> setSliceIndex(0);
            case LAST_SLICE -> setSliceIndex(sliceCount() - 1);
            case RESET -> reset();
            case FIT -> changeTransform(DisplayTransform::fitted);
            case INVERT -> toggleInvert();
            case FLIP_HORIZONTAL -> changeTransform(DisplayTransform::flippedHorizontally);
            case FLIP_VERTICAL -> changeTransform(DisplayTransform::flippedVertically);
            case ROTATE_CLOCKWISE -> changeTransform(DisplayTransform::rotatedClockwise);
            case ROTATE_COUNTER_CLOCKWISE -> changeTransform(DisplayTransform::rotatedCounterClockwise);
            case ZOOM_IN -> changeTransform(t -> t.zoomedBy(KEY_ZOOM_FACTOR));
            case ZOOM_OUT -> changeTransform(t -> t.zoomedBy(1 / KEY_ZOOM_FACTOR));
            case PAN_LEFT -> changeTransform(t -> t.panned(-KEY_PAN_PIXELS, 0));
            case PAN_RIGHT -> changeTransform(t -> t.panned(KEY_PAN_PIXELS, 0));
            case PAN_UP -> changeTransform(t -> t.panned(0, -KEY_PAN_PIXELS));
            case PAN_DOWN -> changeTransform(t -> t.panned(0, KEY_PAN_PIXELS));
            case CINE_PLAY_STOP -> toggleCine();
            case CINE_FASTER -> cine.faster();
            case CINE_SLOWER -> cine.slower();
            case DELETE_LAST_ANNOTATION -> annotations.deleteLast();
            case CLEAR_ANNOTATIONS -> annotations.clear();
            case CANCEL_DRAWING -> {
                pointer.cancel();
                hotspotCursor.hide();
            }
            case CURSOR_LEFT,
                    CURSOR_RIGHT,
                    CURSOR_UP,
                    CURSOR_DOWN,
                    CURSOR_LEFT_FAR,
                    CURSOR_RIGHT_FAR,
                    CURSOR_UP_FAR,
                    CURSOR_DOWN_FAR -> {
                return moveHotspotCursor(command);
            }
            case MARK_ANSWER -> {
                return markAnswerAtHotspotCursor();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void toggleCine() {
        if (cine.isPlaying()) {
            cine.stop();
        } else {
            cine.start(sliceIndex());
        }
    }

    // ---- overlay ----

    /**
     * For example "Slice 12/24  W 1500 L -600  Zoom 100%" (words from the bundle), plus the cine speed while it
     * plays; empty before a series is shown.
     */
    public String overlayText() {
        return overlayText.get();
    }

    public ReadOnlyStringProperty overlayTextProperty() {
        return overlayText.getReadOnlyProperty();
    }

    private void updateOverlay() {
        if (isEmpty() || transform.get() == null) {
            overlayText.set("");
            return;
        }
        WindowLevel window = windowLevel();
        // A colour image is shown as stored: no window to report.
        String windowText = currentImage().photometric().isColour()
                ? ""
                : String.format(
                        Locale.ROOT,
                        "%s %d %s %d  ",
                        word(ViewerMessages.WINDOW),
                        Math.round(window.width()),
                        word(ViewerMessages.LEVEL),
                        Math.round(window.center()));
        String text = String.format(
                Locale.ROOT,
                "%s %d/%d  %s%s %d%%",
                word(ViewerMessages.SLICE),
                sliceIndex() + 1,
                sliceCount(),
                windowText,
                word(ViewerMessages.ZOOM),
                Math.round(transform.get().zoomPercent()));
        if (cine.isPlaying()) {
            text += "  " + word(ViewerMessages.CINE) + " "
                    + ViewerMessages.format(messages, ViewerMessages.CINE_FPS, cine.fps());
        }
        overlayText.set(text);
    }
}
