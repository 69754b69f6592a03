package org.readroom.fx.viewer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.readroom.core.imaging.WindowLevel;
import org.readroom.core.imaging.WindowPreset;

/**
 * The viewer's toolbar (a wrapping row of controls): tools, window presets, view and annotation menus, cine. It acts through
 * {@link ViewerControls} on whatever {@code target} shows (the single viewer, or a station's active viewport) and
 * hands the keyboard focus back to the image after each use, so the reader's keys keep working. Every control has
 * a translated label or tooltip naming its key.
 */
public final class ViewerToolBar extends FlowPane {

    static final String TOOL_ID_PREFIX = "viewer-tool-";
    static final String PRESETS_ID = "viewer-presets";
    static final String PRESET_ID_PREFIX = "viewer-preset-";
    static final String VIEW_MENU_ID = "viewer-view";
    static final String ANNOTATION_MENU_ID = "viewer-annotations-menu";
    static final String CINE_ID = "viewer-cine";
    static final String CINE_FPS_ID = "viewer-cine-fps";

    private static final List<ViewerCommand> VIEW_COMMANDS = List.of(
            ViewerCommand.FIT,
            ViewerCommand.RESET,
            ViewerCommand.INVERT,
            ViewerCommand.ROTATE_COUNTER_CLOCKWISE,
            ViewerCommand.ROTATE_CLOCKWISE,
            ViewerCommand.FLIP_HORIZONTAL,
            ViewerCommand.FLIP_VERTICAL,
            ViewerCommand.ZOOM_IN,
            ViewerCommand.ZOOM_OUT);

    private final ResourceBundle messages;
    private final ViewerControls controls;
    private final ObservableValue<ViewerModel> target;
    private final Runnable focusBack;
    private final MenuButton presets = new MenuButton();
    private final ToggleButton cine = new ToggleButton();
    private final Label fps = new Label();
    private final ToggleButton hotspot;
    private final javafx.beans.value.ChangeListener<Object> presetsChanged = (obs, old, now) -> refillPresets();

    public ViewerToolBar(
            ResourceBundle messages,
            ViewerControls controls,
            ObservableValue<ViewerModel> target,
            ObservableValue<Tool> tool,
            Runnable focusBack) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.target = Objects.requireNonNull(target, "target");
        this.focusBack = Objects.requireNonNull(focusBack, "focusBack");
        setAccessibleText(messages.getString(ViewerMessages.TOOLS));
        // A wrapping row rather than a ToolBar: in a narrow pane every control stays in sight instead of
        // disappearing into an overflow menu.
        setHgap(4);
        setVgap(4);
        setPadding(new Insets(4));

        ToggleButton hotspotButton = null;
        for (Tool each : Tool.values()) {
            ToggleButton button = toolButton(each, tool);
            getChildren().add(button);
            if (each == Tool.HOTSPOT) {
                hotspotButton = button;
            }
            if (each == Tool.STACK || each == Tool.LESION) {
                getChildren().add(gap());
            }
        }
        hotspot = hotspotButton;

        presets.setId(PRESETS_ID);
        presets.setText(messages.getString(ViewerMessages.PRESETS));
        getChildren().addAll(gap(), presets, viewMenu(), annotationMenu(), gap());
        cineControls();

        target.addListener((obs, old, now) -> follow(old, now));
        follow(null, target.getValue());
    }

    private static Region gap() {
        Region gap = new Region();
        gap.setMinWidth(8);
        return gap;
    }

    /** Adds controls after the standard ones (a reading station's layout and sync buttons). */
    public void addItems(Node... nodes) {
        getChildren().add(gap());
        getChildren().addAll(nodes);
    }

    private ToggleButton toolButton(Tool each, ObservableValue<Tool> tool) {
        String label = messages.getString(each.messageKey());
        ToggleButton button = new ToggleButton(label);
        button.setId(TOOL_ID_PREFIX + each.name().toLowerCase(Locale.ROOT));
        String tip = ViewerKeys.withKey(messages, label, ViewerKeys.hint(each));
        if (each == Tool.HOTSPOT) {
            // The tooltip adds how to answer by keyboard; screen readers get it as help after the name.
            String keys = ViewerMessages.hotspotKeys(messages);
            button.setAccessibleText(tip);
            button.setAccessibleHelp(keys);
            tip += "\n" + keys;
        }
        tooltip(button, tip);
        button.setSelected(tool.getValue() == each);
        tool.addListener((obs, old, now) -> button.setSelected(now == each));
        button.setOnAction(e -> {
            controls.selectTool(each);
            // A click on the selected tool keeps it selected: there is always exactly one tool.
            button.setSelected(tool.getValue() == each);
            focusBack.run();
        });
        return button;
    }

    private MenuButton viewMenu() {
        MenuButton menu = new MenuButton(messages.getString(ViewerMessages.VIEW_MENU));
        menu.setId(VIEW_MENU_ID);
        for (ViewerCommand command : VIEW_COMMANDS) {
            menu.getItems().add(commandItem(command));
        }
        return menu;
    }

    private MenuButton annotationMenu() {
        MenuButton menu = new MenuButton(messages.getString(ViewerMessages.ANNOTATION_MENU));
        menu.setId(ANNOTATION_MENU_ID);
        menu.getItems()
                .addAll(
                        commandItem(ViewerCommand.DELETE_LAST_ANNOTATION),
                        commandItem(ViewerCommand.CLEAR_ANNOTATIONS),
                        new SeparatorMenuItem(),
                        commandItem(ViewerCommand.CANCEL_DRAWING));
        return menu;
    }

    private MenuItem commandItem(ViewerCommand command) {
        MenuItem item = new MenuItem(label(command));
        item.setId("viewer-command-" + command.name().toLowerCase(Locale.ROOT));
        item.setOnAction(e -> run(command));
        return item;
    }

    private String label(ViewerCommand command) {
        return ViewerKeys.withKey(
                messages, messages.getString(command.messageKey()), ViewerKeys.hint(command, messages));
    }

    private void cineControls() {
        cine.setId(CINE_ID);
        cine.setText(messages.getString(ViewerMessages.CINE));
        tooltip(cine, label(ViewerCommand.CINE_PLAY_STOP));
        cine.setOnAction(e -> run(ViewerCommand.CINE_PLAY_STOP));
        Button slower = commandButton("−", ViewerCommand.CINE_SLOWER);
        Button faster = commandButton("+", ViewerCommand.CINE_FASTER);
        fps.setId(CINE_FPS_ID);
        fps.setMinWidth(48);
        getChildren().addAll(cine, slower, fps, faster);
    }

    /** A small button whose symbol is universal; its tooltip and accessible text carry the translated name. */
    private Button commandButton(String symbol, ViewerCommand command) {
        Button button = new Button(symbol);
        button.setId("viewer-command-" + command.name().toLowerCase(Locale.ROOT));
        tooltip(button, label(command));
        button.setAccessibleText(messages.getString(command.messageKey()));
        button.setOnAction(e -> run(command));
        return button;
    }

    private void run(ViewerCommand command) {
        controls.execute(command);
        focusBack.run();
    }

    private static void tooltip(ButtonBase button, String text) {
        button.setTooltip(new Tooltip(text));
        if (button.getAccessibleText() == null) {
            button.setAccessibleText(text);
        }
    }

    // The controls that show the target's state follow it when a station switches the active viewport.
    private void follow(ViewerModel old, ViewerModel model) {
        if (old != null) {
            old.presetsProperty().removeListener(presetsChanged);
        }
        hotspot.visibleProperty().unbind();
        hotspot.managedProperty().unbind();
        cine.selectedProperty().unbind();
        fps.textProperty().unbind();
        if (model == null) {
            return;
        }
        hotspot.visibleProperty().bind(model.hotspotEnabledProperty());
        hotspot.managedProperty().bind(model.hotspotEnabledProperty());
        cine.selectedProperty().bind(model.cine().playingProperty());
        fps.textProperty()
                .bind(model.cine()
                        .fpsProperty()
                        .map(value -> ViewerMessages.format(messages, ViewerMessages.CINE_FPS, value)));
        model.presetsProperty().addListener(presetsChanged);
        fillPresets(model);
    }

    private void refillPresets() {
        fillPresets(target.getValue());
    }

    private void fillPresets(ViewerModel model) {
        presets.getItems().clear();
        List<WindowPreset> all = model.presets().all();
        int number = 1;
        for (WindowPreset preset : all) {
            WindowLevel w = preset.window();
            String name = ViewerMessages.presetName(messages, preset) + "  "
                    + String.format(Locale.ROOT, "%d/%d", Math.round(w.width()), Math.round(w.center()));
            String key = preset instanceof WindowPreset.Author ? "0" : number <= 9 ? String.valueOf(number) : "";
            if (!(preset instanceof WindowPreset.Author)) {
                number++;
            }
            MenuItem item = new MenuItem(ViewerKeys.withKey(messages, name, key));
            item.setId(PRESET_ID_PREFIX + presetId(preset));
            item.setOnAction(e -> {
                model.applyPreset(w);
                focusBack.run();
            });
            presets.getItems().add(item);
        }
    }

    private static String presetId(WindowPreset preset) {
        if (preset instanceof WindowPreset.Standard standard) {
            return standard.preset().name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (preset instanceof WindowPreset.FromFile file) {
            return "file-" + file.number();
        }
        return preset instanceof WindowPreset.Author ? "author" : "auto";
    }
}
