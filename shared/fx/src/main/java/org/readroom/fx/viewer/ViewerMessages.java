package org.readroom.fx.viewer;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.readroom.core.imaging.CtPreset;
import org.readroom.core.imaging.LengthUnit;
import org.readroom.core.imaging.ValueUnit;
import org.readroom.core.imaging.WindowPreset;

/**
 * The viewer's message keys and bundle ({@code org.readroom.fx.viewer.messages}, English and Simplified Chinese).
 * Languages without a file fall back to English, never to the machine's default locale. Every key the viewer uses
 * is a constant here or derived from an enum, so {@link #usedKeys()} lists them all for the consistency test.
 */
public final class ViewerMessages {

    public static final String BUNDLE = "org.readroom.fx.viewer.messages";
    public static final String SLICE = "viewer.slice";
    public static final String WINDOW = "viewer.window";
    public static final String LEVEL = "viewer.level";
    public static final String ZOOM = "viewer.zoom";
    public static final String CINE_FPS = "viewer.cine.fps";
    public static final String PRESETS = "viewer.presets";
    public static final String PRESET_AUTHOR = "viewer.preset.author";
    public static final String PRESET_FILE = "viewer.preset.file";
    public static final String PRESET_AUTO = "viewer.preset.auto";
    public static final String TOOLS = "viewer.tools";
    public static final String VIEW_MENU = "viewer.menu.view";
    public static final String ANNOTATION_MENU = "viewer.menu.annotations";
    public static final String CINE = "viewer.cine";
    public static final String WITH_KEY = "viewer.withKey";
    public static final String KEY_SPACE = "viewer.key.space";
    public static final String ROI_MEAN_SD = "viewer.roi.meanSd";
    public static final String ROI_MIN_MAX = "viewer.roi.minMax";
    public static final String ROI_AREA = "viewer.roi.area";
    public static final String ROI_EMPTY = "viewer.roi.empty";
    public static final String ANSWER = "viewer.answer";
    public static final String LAYOUTS = "viewer.layouts";
    public static final String SERIES = "viewer.series";
    public static final String SERIES_IMAGES = "viewer.series.images";
    public static final String VIEWPORT = "viewer.viewport";
    public static final String HOTSPOT_KEYS = "viewer.hotspot.keys";

    private static final ResourceBundle.Control ENGLISH_FALLBACK = new ResourceBundle.Control() {
        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return Locale.ENGLISH.equals(locale) ? null : Locale.ENGLISH;
        }
    };

    private ViewerMessages() {}

    public static ResourceBundle forLocale(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ENGLISH_FALLBACK);
    }

    /** The pattern under {@code key} filled with {@code args} (already formatted numbers stay as they are). */
    static String format(ResourceBundle messages, String key, Object... args) {
        return new MessageFormat(messages.getString(key), messages.getLocale()).format(args);
    }

    /** How to answer a hotspot question by keyboard (tooltip of the tool, accessible help of the viewport). */
    static String hotspotKeys(ResourceBundle messages) {
        return format(messages, HOTSPOT_KEYS, HotspotCursor.FAR_STEP);
    }

    static String lengthUnit(LengthUnit unit) {
        return "viewer.unit.length." + unit.name();
    }

    static String areaUnit(LengthUnit unit) {
        return "viewer.unit.area." + unit.name();
    }

    static String valueUnit(ValueUnit unit) {
        return "viewer.unit.value." + unit.name();
    }

    static String ctPreset(CtPreset preset) {
        return "viewer.preset.ct." + preset.name();
    }

    static String layout(Layout layout) {
        return "viewer.layout." + layout.name();
    }

    /** The menu label of a window preset, for example "Lung" or "File window 2". */
    static String presetName(ResourceBundle messages, WindowPreset preset) {
        if (preset instanceof WindowPreset.Standard standard) {
            return messages.getString(ctPreset(standard.preset()));
        }
        if (preset instanceof WindowPreset.FromFile file) {
            return format(messages, PRESET_FILE, file.number());
        }
        if (preset instanceof WindowPreset.Author) {
            return messages.getString(PRESET_AUTHOR);
        }
        return messages.getString(PRESET_AUTO);
    }

    /** Every key the viewer uses, for the bundle consistency test. */
    static List<String> usedKeys() {
        List<String> keys = new ArrayList<>(List.of(
                SLICE,
                WINDOW,
                LEVEL,
                ZOOM,
                CINE_FPS,
                PRESETS,
                PRESET_AUTHOR,
                PRESET_FILE,
                PRESET_AUTO,
                TOOLS,
                VIEW_MENU,
                ANNOTATION_MENU,
                CINE,
                WITH_KEY,
                KEY_SPACE,
                ROI_MEAN_SD,
                ROI_MIN_MAX,
                ROI_AREA,
                ROI_EMPTY,
                ANSWER,
                LAYOUTS,
                SERIES,
                SERIES_IMAGES,
                VIEWPORT,
                HOTSPOT_KEYS));
        for (LengthUnit unit : LengthUnit.values()) {
            keys.add(lengthUnit(unit));
            keys.add(areaUnit(unit));
        }
        for (ValueUnit unit : ValueUnit.values()) {
            keys.add(valueUnit(unit));
        }
        for (CtPreset preset : CtPreset.values()) {
            keys.add(ctPreset(preset));
        }
        for (Tool tool : Tool.values()) {
            keys.add(tool.messageKey());
        }
        for (ViewerCommand command : ViewerCommand.values()) {
            keys.add(command.messageKey());
        }
        for (Layout layout : Layout.values()) {
            keys.add(layout(layout));
        }
        return keys;
    }
}
