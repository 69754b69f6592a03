package org.readroom.fx.viewer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A reading station without a scene graph: several series, a layout of up to four viewports (each a
 * {@link ViewerModel}), one active viewport that keys and the toolbar act on, one tool for all viewports, and
 * synced scrolling. Use on the JavaFX application thread.
 */
public final class ReadingStationModel implements ViewerControls {

    static final int MAX_VIEWPORTS = 4;

    private final List<ViewerModel> viewports = new ArrayList<>();
    private final List<ReadOnlyIntegerWrapper> seriesShown = new ArrayList<>();
    private final ObservableList<Series> series = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>(this, "layout", Layout.ONE_BY_ONE);
    private final ReadOnlyIntegerWrapper activeIndex = new ReadOnlyIntegerWrapper(this, "activeIndex", 0);
    private final ReadOnlyObjectWrapper<Tool> tool = new ReadOnlyObjectWrapper<>(this, "tool", Tool.WINDOW);
    private final BooleanProperty sync = new SimpleBooleanProperty(this, "sync", true);
    private boolean syncing;

    public ReadingStationModel(ResourceBundle messages) {
        this(messages, Clock.systemUTC());
    }

    public ReadingStationModel(ResourceBundle messages, Clock clock) {
        Objects.requireNonNull(messages, "messages");
        for (int i = 0; i < MAX_VIEWPORTS; i++) {
            ViewerModel viewport = new ViewerModel(messages, clock);
            viewports.add(viewport);
            seriesShown.add(new ReadOnlyIntegerWrapper(this, "seriesShown" + i, -1));
            viewport.sliceIndexProperty().addListener((obs, old, now) -> follow(viewport));
        }
    }

    /** Loads {@code newSeries}: viewport i shows series i (repeating when there are fewer series than viewports). */
    public void show(List<Series> newSeries) {
        Objects.requireNonNull(newSeries, "newSeries");
        if (newSeries.isEmpty()) {
            throw new IllegalArgumentException("newSeries must hold at least one series but was empty");
        }
        series.setAll(newSeries);
        for (int i = 0; i < MAX_VIEWPORTS; i++) {
            load(i, i % newSeries.size());
        }
        activeIndex.set(0);
    }

    public ObservableList<Series> series() {
        return FXCollections.unmodifiableObservableList(series);
    }

    public List<ViewerModel> viewports() {
        return List.copyOf(viewports);
    }

    /** The viewports the layout shows, in reading order (left to right, top to bottom). */
    public List<ViewerModel> visibleViewports() {
        return viewports.subList(0, layout.get().viewports());
    }

    public ReadOnlyIntegerProperty seriesShownProperty(int viewport) {
        return seriesShown.get(viewport).getReadOnlyProperty();
    }

    /** Loads series {@code seriesIndex} into the active viewport (what a thumbnail click does). */
    public void loadIntoActive(int seriesIndex) {
        load(activeIndex.get(), seriesIndex);
    }

    private void load(int viewport, int seriesIndex) {
        if (seriesIndex < 0 || seriesIndex >= series.size()) {
            throw new IllegalArgumentException(
                    "seriesIndex must be between 0 and " + (series.size() - 1) + " but was " + seriesIndex);
        }
        Series chosen = series.get(seriesIndex);
        ViewerModel model = viewports.get(viewport);
        syncing = true;
        try {
            model.show(chosen.slices(), chosen.opening());
            model.selectTool(tool.get());
        } finally {
            syncing = false;
        }
        seriesShown.get(viewport).set(seriesIndex);
    }

    public Layout layout() {
        return layout.get();
    }

    public ReadOnlyObjectProperty<Layout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** Changes the layout; the active viewport moves into view if the new layout hides it, and hidden cine stops. */
    public void setLayout(Layout newLayout) {
        layout.set(Objects.requireNonNull(newLayout, "newLayout"));
        for (int i = newLayout.viewports(); i < MAX_VIEWPORTS; i++) {
            if (viewports.get(i).cine().isPlaying()) {
                viewports.get(i).execute(ViewerCommand.CINE_PLAY_STOP);
            }
        }
        if (activeIndex.get() >= newLayout.viewports()) {
            activeIndex.set(0);
        }
    }

    public int activeIndex() {
        return activeIndex.get();
    }

    public ReadOnlyIntegerProperty activeIndexProperty() {
        return activeIndex.getReadOnlyProperty();
    }

    public ViewerModel active() {
        return viewports.get(activeIndex.get());
    }

    public void setActive(int viewport) {
        if (viewport < 0 || viewport >= layout.get().viewports()) {
            throw new IllegalArgumentException("viewport must be between 0 and "
                    + (layout.get().viewports() - 1) + " in layout " + layout.get() + " but was " + viewport);
        }
        activeIndex.set(viewport);
    }

    public Tool tool() {
        return tool.get();
    }

    public ReadOnlyObjectProperty<Tool> toolProperty() {
        return tool.getReadOnlyProperty();
    }

    public boolean isSync() {
        return sync.get();
    }

    public BooleanProperty syncProperty() {
        return sync;
    }

    @Override
    public void selectTool(Tool newTool) {
        if (newTool == Tool.HOTSPOT && !active().isHotspotEnabled()) {
            return;
        }
        tool.set(newTool);
        viewports.forEach(v -> v.selectTool(newTool));
    }

    @Override
    public boolean applyPresetKey(int digit) {
        return active().applyPresetKey(digit);
    }

    @Override
    public boolean execute(ViewerCommand command) {
        int visible = layout.get().viewports();
        switch (command) {
            case TOGGLE_SYNC -> sync.set(!sync.get());
            case NEXT_VIEWPORT -> activeIndex.set((activeIndex.get() + 1) % visible);
            case PREVIOUS_VIEWPORT -> activeIndex.set((activeIndex.get() + visible - 1) % visible);
            default -> {
                return active().execute(command);
            }
        }
        return true;
    }

    // When the reader scrolls one visible viewport, the other visible viewports follow it (once: their own moves
    // do not echo back).
    private void follow(ViewerModel source) {
        if (syncing || !sync.get() || !visibleViewports().contains(source) || source.isEmpty()) {
            return;
        }
        syncing = true;
        try {
            for (ViewerModel other : visibleViewports()) {
                if (other != source && !other.isEmpty()) {
                    other.setSliceIndex(SliceSync.matchingSlice(source.stack(), source.sliceIndex(), other.stack()));
                }
            }
        } finally {
            syncing = false;
        }
    }
}
