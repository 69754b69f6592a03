package org.readroom.fx.viewer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.WindowLevel;

/**
 * State and logic of the DICOM viewer (which slice, which window, inverted or not) with no scene graph, so it can be
 * tested without a toolkit. The overlay text shows position and window only, never patient identifiers.
 */
public final class ViewerModel {

    /** One displayable slice: a single-frame image, or one frame of a multi-frame image. */
    private record Slice(DicomImage image, int frame) {}

    private final ResourceBundle messages;
    private List<Slice> slices = List.of();
    private WindowLevel opening = WindowLevel.ABDOMEN;

    private final ReadOnlyIntegerWrapper sliceIndex = new ReadOnlyIntegerWrapper(this, "sliceIndex", 0);
    private final ReadOnlyIntegerWrapper sliceCount = new ReadOnlyIntegerWrapper(this, "sliceCount", 0);
    private final ReadOnlyObjectWrapper<WindowLevel> windowLevel =
            new ReadOnlyObjectWrapper<>(this, "windowLevel", opening);
    private final BooleanProperty invert = new SimpleBooleanProperty(this, "invert", false);
    private final ReadOnlyStringWrapper overlayText = new ReadOnlyStringWrapper(this, "overlayText", "");

    public ViewerModel(ResourceBundle messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        sliceIndex.addListener((obs, old, now) -> updateOverlay());
        windowLevel.addListener((obs, old, now) -> updateOverlay());
    }

    /**
     * Shows a series: single-frame slices sorted by slice location (ties keep the given order), or the frames of
     * multi-frame images in order. Opens on the first slice with {@code opening}, else the first image's own
     * preset, else a window spanning the first slice's values.
     */
    public void show(List<DicomImage> series, Optional<WindowLevel> opening) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(opening, "opening");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series must hold at least one image but was empty");
        }
        List<DicomImage> sorted = new ArrayList<>(series);
        sorted.sort(Comparator.comparingDouble(DicomImage::sliceLocation));
        DicomImage first = sorted.get(0);
        List<Slice> flattened = new ArrayList<>();
        for (DicomImage image : sorted) {
            if (image.rows() != first.rows() || image.columns() != first.columns()) {
                throw new IllegalArgumentException("series must have one image size but mixes " + first.columns() + "x"
                        + first.rows() + " with " + image.columns() + "x" + image.rows());
            }
            for (int frame = 0; frame < image.frameCount(); frame++) {
                flattened.add(new Slice(image, frame));
            }
        }
        slices = List.copyOf(flattened);
        this.opening =
                opening.or(() -> first.windowPresets().stream().findFirst()).orElseGet(() -> spanningWindow(first, 0));
        sliceCount.set(slices.size());
        sliceIndex.set(0);
        windowLevel.set(this.opening);
        invert.set(false);
        updateOverlay();
    }

    private static WindowLevel spanningWindow(DicomImage image, int frame) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < image.rows() * image.columns(); i++) {
            int v = image.storedValue(frame, i);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double a = image.rescale().apply(min);
        double b = image.rescale().apply(max);
        return WindowLevel.spanning(Math.min(a, b), Math.max(a, b));
    }

    public boolean isEmpty() {
        return slices.isEmpty();
    }

    public int sliceCount() {
        return sliceCount.get();
    }

    public ReadOnlyIntegerProperty sliceCountProperty() {
        return sliceCount.getReadOnlyProperty();
    }

    public int sliceIndex() {
        return sliceIndex.get();
    }

    public ReadOnlyIntegerProperty sliceIndexProperty() {
        return sliceIndex.getReadOnlyProperty();
    }

    /** Moves to {@code index}, clamped to the series; scrolling past either end stays on the end slice. */
    public void setSliceIndex(int index) {
        if (!slices.isEmpty()) {
            sliceIndex.set(Math.max(0, Math.min(slices.size() - 1, index)));
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
        return Math.max(1, Math.round(slices.size() / 10.0f));
    }

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

    /**
     * Restores the opening window and clears invert. The slice stays where it is, so a reader who resets the
     * contrast does not lose their place in the stack.
     */
    public void reset() {
        windowLevel.set(opening);
        invert.set(false);
    }

    public WindowLevel openingWindow() {
        return opening;
    }

    public boolean isInvert() {
        return invert.get();
    }

    public BooleanProperty invertProperty() {
        return invert;
    }

    public void toggleInvert() {
        invert.set(!invert.get());
    }

    /** The image on screen; the caller must not ask before {@link #show}. */
    public DicomImage currentImage() {
        return current().image();
    }

    /** The frame of {@link #currentImage()} on screen (0 for single-frame slices). */
    public int currentFrame() {
        return current().frame();
    }

    private Slice current() {
        if (slices.isEmpty()) {
            throw new IllegalStateException("no series shown yet");
        }
        return slices.get(sliceIndex());
    }

    /** For example "Slice 12/24  W 1500 L -600" (words from the bundle); empty before a series is shown. */
    public String overlayText() {
        return overlayText.get();
    }

    public ReadOnlyStringProperty overlayTextProperty() {
        return overlayText.getReadOnlyProperty();
    }

    private void updateOverlay() {
        if (slices.isEmpty()) {
            overlayText.set("");
            return;
        }
        WindowLevel window = windowLevel();
        overlayText.set(String.format(
                Locale.ROOT,
                "%s %d/%d  %s %d %s %d",
                messages.getString(ViewerMessages.SLICE),
                sliceIndex() + 1,
                slices.size(),
                messages.getString(ViewerMessages.WINDOW),
                Math.round(window.width()),
                messages.getString(ViewerMessages.LEVEL),
                Math.round(window.center())));
    }
}
