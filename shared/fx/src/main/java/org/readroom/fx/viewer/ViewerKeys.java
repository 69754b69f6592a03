package org.readroom.fx.viewer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The viewer's keyboard, after common PACS habits: arrows and PageUp/PageDown/Home/End move through the stack, a
 * letter picks a tool (W window, P pan, Z zoom, S stack, L length, A angle, E ellipse, T arrow, M lesion mark, X
 * hotspot answer), 1..9 apply window presets (0 the author's window), R resets, F fits, I inverts, H/V flip, ',' and
 * '.' rotate, Space starts/stops cine and +/- change its speed, Delete removes the last annotation (Shift+Delete all),
 * Esc drops a drawing. With Ctrl: +/- zoom, arrows pan, 1/2/4 choose a 1x1, 1x2 or 2x2 layout. Y toggles synced
 * scrolling and F6/Shift+F6 move between viewports (reading station). In the hotspot tool the arrows move the answer
 * cross instead (Shift: larger steps), Enter marks the answer there and Esc hides the cross, after which the arrows
 * scroll again (X shows it again).
 */
public final class ViewerKeys {

    private static final Map<KeyCode, Tool> TOOLS = new LinkedHashMap<>();
    private static final Map<KeyCode, ViewerCommand> PLAIN = new LinkedHashMap<>();
    private static final Map<KeyCode, ViewerCommand> SHIFT = new LinkedHashMap<>();
    private static final Map<KeyCode, ViewerCommand> SHORTCUT = new LinkedHashMap<>();
    // Tried before PLAIN and SHIFT; they apply only while the hotspot cross shows (execute says false otherwise).
    private static final Map<KeyCode, ViewerCommand> CURSOR = new LinkedHashMap<>();
    private static final Map<KeyCode, ViewerCommand> CURSOR_SHIFT = new LinkedHashMap<>();
    private static final Map<KeyCode, Layout> LAYOUTS = Map.of(
            KeyCode.DIGIT1, Layout.ONE_BY_ONE, KeyCode.DIGIT2, Layout.ONE_BY_TWO, KeyCode.DIGIT4, Layout.TWO_BY_TWO);

    static {
        TOOLS.put(KeyCode.W, Tool.WINDOW);
        TOOLS.put(KeyCode.P, Tool.PAN);
        TOOLS.put(KeyCode.Z, Tool.ZOOM);
        TOOLS.put(KeyCode.S, Tool.STACK);
        TOOLS.put(KeyCode.L, Tool.LENGTH);
        TOOLS.put(KeyCode.A, Tool.ANGLE);
        TOOLS.put(KeyCode.E, Tool.ELLIPSE);
        TOOLS.put(KeyCode.T, Tool.ARROW);
        TOOLS.put(KeyCode.M, Tool.LESION);
        TOOLS.put(KeyCode.X, Tool.HOTSPOT);

        PLAIN.put(KeyCode.UP, ViewerCommand.PREVIOUS_SLICE);
        PLAIN.put(KeyCode.LEFT, ViewerCommand.PREVIOUS_SLICE);
        PLAIN.put(KeyCode.DOWN, ViewerCommand.NEXT_SLICE);
        PLAIN.put(KeyCode.RIGHT, ViewerCommand.NEXT_SLICE);
        PLAIN.put(KeyCode.PAGE_UP, ViewerCommand.PREVIOUS_PAGE);
        PLAIN.put(KeyCode.PAGE_DOWN, ViewerCommand.NEXT_PAGE);
        PLAIN.put(KeyCode.HOME, ViewerCommand.FIRST_SLICE);
        PLAIN.put(KeyCode.END, ViewerCommand.LAST_SLICE);
        PLAIN.put(KeyCode.R, ViewerCommand.RESET);
        PLAIN.put(KeyCode.F, ViewerCommand.FIT);
        PLAIN.put(KeyCode.I, ViewerCommand.INVERT);
        PLAIN.put(KeyCode.H, ViewerCommand.FLIP_HORIZONTAL);
        PLAIN.put(KeyCode.V, ViewerCommand.FLIP_VERTICAL);
        PLAIN.put(KeyCode.COMMA, ViewerCommand.ROTATE_COUNTER_CLOCKWISE);
        PLAIN.put(KeyCode.PERIOD, ViewerCommand.ROTATE_CLOCKWISE);
        PLAIN.put(KeyCode.SPACE, ViewerCommand.CINE_PLAY_STOP);
        PLAIN.put(KeyCode.EQUALS, ViewerCommand.CINE_FASTER);
        PLAIN.put(KeyCode.PLUS, ViewerCommand.CINE_FASTER);
        PLAIN.put(KeyCode.ADD, ViewerCommand.CINE_FASTER);
        PLAIN.put(KeyCode.MINUS, ViewerCommand.CINE_SLOWER);
        PLAIN.put(KeyCode.SUBTRACT, ViewerCommand.CINE_SLOWER);
        PLAIN.put(KeyCode.DELETE, ViewerCommand.DELETE_LAST_ANNOTATION);
        PLAIN.put(KeyCode.BACK_SPACE, ViewerCommand.DELETE_LAST_ANNOTATION);
        PLAIN.put(KeyCode.ESCAPE, ViewerCommand.CANCEL_DRAWING);
        PLAIN.put(KeyCode.Y, ViewerCommand.TOGGLE_SYNC);
        PLAIN.put(KeyCode.F6, ViewerCommand.NEXT_VIEWPORT);

        SHIFT.put(KeyCode.DELETE, ViewerCommand.CLEAR_ANNOTATIONS);
        SHIFT.put(KeyCode.BACK_SPACE, ViewerCommand.CLEAR_ANNOTATIONS);
        SHIFT.put(KeyCode.F6, ViewerCommand.PREVIOUS_VIEWPORT);
        // '+' is Shift+'=' on many keyboards.
        SHIFT.put(KeyCode.EQUALS, ViewerCommand.CINE_FASTER);
        SHIFT.put(KeyCode.PLUS, ViewerCommand.CINE_FASTER);

        CURSOR.put(KeyCode.LEFT, ViewerCommand.CURSOR_LEFT);
        CURSOR.put(KeyCode.RIGHT, ViewerCommand.CURSOR_RIGHT);
        CURSOR.put(KeyCode.UP, ViewerCommand.CURSOR_UP);
        CURSOR.put(KeyCode.DOWN, ViewerCommand.CURSOR_DOWN);
        CURSOR.put(KeyCode.ENTER, ViewerCommand.MARK_ANSWER);
        CURSOR_SHIFT.put(KeyCode.LEFT, ViewerCommand.CURSOR_LEFT_FAR);
        CURSOR_SHIFT.put(KeyCode.RIGHT, ViewerCommand.CURSOR_RIGHT_FAR);
        CURSOR_SHIFT.put(KeyCode.UP, ViewerCommand.CURSOR_UP_FAR);
        CURSOR_SHIFT.put(KeyCode.DOWN, ViewerCommand.CURSOR_DOWN_FAR);

        SHORTCUT.put(KeyCode.EQUALS, ViewerCommand.ZOOM_IN);
        SHORTCUT.put(KeyCode.PLUS, ViewerCommand.ZOOM_IN);
        SHORTCUT.put(KeyCode.ADD, ViewerCommand.ZOOM_IN);
        SHORTCUT.put(KeyCode.MINUS, ViewerCommand.ZOOM_OUT);
        SHORTCUT.put(KeyCode.SUBTRACT, ViewerCommand.ZOOM_OUT);
        SHORTCUT.put(KeyCode.LEFT, ViewerCommand.PAN_LEFT);
        SHORTCUT.put(KeyCode.RIGHT, ViewerCommand.PAN_RIGHT);
        SHORTCUT.put(KeyCode.UP, ViewerCommand.PAN_UP);
        SHORTCUT.put(KeyCode.DOWN, ViewerCommand.PAN_DOWN);
    }

    private ViewerKeys() {}

    /**
     * Acts on a KEY_PRESSED event and consumes it when it meant something here. {@code layouts} receives layout
     * choices (a reading station); pass {@code null} for a single viewer.
     */
    public static void handle(KeyEvent event, ViewerControls controls, Consumer<Layout> layouts) {
        if (act(event, controls, layouts)) {
            event.consume();
        }
    }

    private static boolean act(KeyEvent event, ViewerControls controls, Consumer<Layout> layouts) {
        KeyCode code = event.getCode();
        boolean shortcut = event.isShortcutDown();
        if (event.isAltDown() || event.isMetaDown() && !shortcut) {
            return false;
        }
        if (shortcut) {
            if (layouts != null && LAYOUTS.containsKey(code)) {
                layouts.accept(LAYOUTS.get(code));
                return true;
            }
            return run(SHORTCUT, code, controls);
        }
        if (event.isShiftDown()) {
            return run(CURSOR_SHIFT, code, controls) || run(SHIFT, code, controls);
        }
        if (TOOLS.containsKey(code)) {
            controls.selectTool(TOOLS.get(code));
            return true;
        }
        if (code.isDigitKey()) {
            return controls.applyPresetKey(digit(code));
        }
        return run(CURSOR, code, controls) || run(PLAIN, code, controls);
    }

    private static boolean run(Map<KeyCode, ViewerCommand> table, KeyCode code, ViewerControls controls) {
        ViewerCommand command = table.get(code);
        return command != null && controls.execute(command);
    }

    private static int digit(KeyCode code) {
        String name = code.getName();
        return name.charAt(name.length() - 1) - '0';
    }

    /** The key to show in a tooltip for a tool, for example "L". */
    static String hint(Tool tool) {
        for (Map.Entry<KeyCode, Tool> entry : TOOLS.entrySet()) {
            if (entry.getValue() == tool) {
                return entry.getKey().getName();
            }
        }
        return "";
    }

    /** The first key bound to a command, as shown in tooltips and menus ("R", ",", "Page Up", "Shift+Delete"). */
    static String hint(ViewerCommand command, ResourceBundle messages) {
        for (var table : List.of(
                Map.entry("", PLAIN),
                Map.entry("Shift+", SHIFT),
                Map.entry("Ctrl+", SHORTCUT),
                Map.entry("", CURSOR),
                Map.entry("Shift+", CURSOR_SHIFT))) {
            for (Map.Entry<KeyCode, ViewerCommand> entry : table.getValue().entrySet()) {
                if (entry.getValue() == command) {
                    return table.getKey() + keyName(entry.getKey(), messages);
                }
            }
        }
        return "";
    }

    private static String keyName(KeyCode code, ResourceBundle messages) {
        return switch (code) {
            case COMMA -> ",";
            case PERIOD -> ".";
            case EQUALS, PLUS, ADD -> "+";
            case MINUS, SUBTRACT -> "-";
            case SPACE -> messages.getString(ViewerMessages.KEY_SPACE);
            default -> code.getName();
        };
    }

    /** "Label (key)" in the bundle's punctuation, or just the label when nothing is bound. */
    static String withKey(ResourceBundle messages, String label, String key) {
        return key.isEmpty() ? label : ViewerMessages.format(messages, ViewerMessages.WITH_KEY, label, key);
    }
}
