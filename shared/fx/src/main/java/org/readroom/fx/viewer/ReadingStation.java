package org.readroom.fx.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * A reading station: a toolbar (tools, presets, cine, layout 1x1/1x2/2x2, synced scrolling), a strip of series
 * thumbnails and up to four viewports. Keys and the toolbar act on the active viewport (click a viewport or press
 * F6 to change it); a thumbnail click loads its series there. Use on the JavaFX application thread.
 */
public final class ReadingStation extends BorderPane {

    static final String LAYOUT_ID_PREFIX = "viewer-layout-";
    static final String SYNC_ID = "viewer-sync";
    static final String THUMBNAILS_ID = "viewer-thumbnails";

    private final ResourceBundle messages;
    private final ReadingStationModel model;
    private final List<ViewportView> views = new ArrayList<>();
    private final GridPane grid = new GridPane();
    private final VBox thumbnails = new VBox(8);

    public ReadingStation(ResourceBundle messages) {
        this(new ReadingStationModel(messages), messages);
    }

    public ReadingStation(ReadingStationModel model, ResourceBundle messages) {
        this.messages = messages;
        this.model = model;
        for (int i = 0; i < ReadingStationModel.MAX_VIEWPORTS; i++) {
            int index = i;
            ViewportView view = new ViewportView(model.viewports().get(i));
            // A filter, so the viewport is active before its own handlers see the press.
            view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> model.setActive(index));
            view.focusedProperty().addListener((obs, old, focused) -> {
                if (focused && index < model.layout().viewports()) {
                    model.setActive(index);
                }
            });
            views.add(view);
        }
        grid.setHgap(2);
        grid.setVgap(2);
        grid.setStyle("-fx-background-color: #202020;");

        ViewerToolBar toolBar = new ViewerToolBar(
                messages,
                model,
                javafx.beans.binding.Bindings.createObjectBinding(model::active, model.activeIndexProperty()),
                model.toolProperty(),
                () -> views.get(model.activeIndex()).requestFocus());
        toolBar.addItems(layoutButtons());
        toolBar.addItems(syncButton());

        thumbnails.setId(THUMBNAILS_ID);
        thumbnails.setPadding(new Insets(8));
        thumbnails.setAccessibleText(messages.getString(ViewerMessages.SERIES));
        ScrollPane strip = new ScrollPane(thumbnails);
        strip.setFitToWidth(true);
        strip.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        setTop(toolBar);
        setLeft(strip);
        setCenter(grid);
        addEventHandler(KeyEvent.KEY_PRESSED, event -> ViewerKeys.handle(event, model, model::setLayout));

        model.layoutProperty().addListener((obs, old, now) -> arrange());
        model.activeIndexProperty().addListener((obs, old, now) -> markActive());
        for (int i = 0; i < ReadingStationModel.MAX_VIEWPORTS; i++) {
            model.seriesShownProperty(i).addListener((obs, old, now) -> markCurrentSeries());
        }
        new CineDriver(model::visibleViewports).watch(model.viewports());
        arrange();
    }

    private ToggleButton[] layoutButtons() {
        Layout[] layouts = Layout.values();
        ToggleButton[] buttons = new ToggleButton[layouts.length];
        String[] keys = {"Ctrl+1", "Ctrl+2", "Ctrl+4"};
        for (int i = 0; i < layouts.length; i++) {
            Layout layout = layouts[i];
            ToggleButton button = new ToggleButton(messages.getString(ViewerMessages.layout(layout)));
            button.setId(LAYOUT_ID_PREFIX + layout.name().toLowerCase(Locale.ROOT));
            String label = ViewerKeys.withKey(messages, messages.getString(ViewerMessages.LAYOUTS), keys[i]);
            button.setTooltip(new Tooltip(label));
            button.setAccessibleText(label + " " + button.getText());
            button.setSelected(model.layout() == layout);
            model.layoutProperty().addListener((obs, old, now) -> button.setSelected(now == layout));
            button.setOnAction(e -> {
                model.setLayout(layout);
                button.setSelected(true);
                views.get(model.activeIndex()).requestFocus();
            });
            buttons[i] = button;
        }
        return buttons;
    }

    private ToggleButton syncButton() {
        String label = messages.getString(ViewerCommand.TOGGLE_SYNC.messageKey());
        ToggleButton sync = new ToggleButton(label);
        sync.setId(SYNC_ID);
        sync.setTooltip(
                new Tooltip(ViewerKeys.withKey(messages, label, ViewerKeys.hint(ViewerCommand.TOGGLE_SYNC, messages))));
        sync.selectedProperty().bindBidirectional(model.syncProperty());
        return sync;
    }

    /** Shows several series: viewport i shows series i, the strip shows them all. */
    public void show(List<Series> series) {
        model.show(series);
        thumbnails.getChildren().clear();
        for (int i = 0; i < series.size(); i++) {
            int index = i;
            SeriesThumbnail thumbnail = new SeriesThumbnail(series.get(i), i, messages);
            thumbnail.setOnAction(e -> {
                model.loadIntoActive(index);
                views.get(model.activeIndex()).requestFocus();
            });
            thumbnails.getChildren().add(thumbnail);
        }
        markActive();
    }

    public ReadingStationModel model() {
        return model;
    }

    /** The viewport views in reading order (all four; the layout shows the first one, two or four). */
    public List<ViewportView> viewports() {
        return List.copyOf(views);
    }

    private void arrange() {
        Layout layout = model.layout();
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (int c = 0; c < layout.columns(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / layout.columns());
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < layout.rows(); r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / layout.rows());
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        for (int i = 0; i < layout.viewports(); i++) {
            ViewportView view = views.get(i);
            view.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            view.setPrefSize(1, 1);
            grid.add(view, i % layout.columns(), i / layout.columns());
        }
        markActive();
    }

    private void markActive() {
        for (int i = 0; i < views.size(); i++) {
            views.get(i).setActive(i == model.activeIndex() && model.layout().viewports() > 1);
        }
        markCurrentSeries();
    }

    private void markCurrentSeries() {
        int shown = model.seriesShownProperty(model.activeIndex()).get();
        for (int i = 0; i < thumbnails.getChildren().size(); i++) {
            ((SeriesThumbnail) thumbnails.getChildren().get(i)).setCurrent(i == shown);
        }
    }

    @Override
    public void requestFocus() {
        views.get(model.activeIndex()).requestFocus();
    }
}
