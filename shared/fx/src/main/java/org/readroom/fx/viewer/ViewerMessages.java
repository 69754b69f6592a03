package org.readroom.fx.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The viewer's message keys and bundle ({@code org.readroom.fx.viewer.messages}, English and Simplified Chinese).
 * Languages without a file fall back to English, never to the machine's default locale.
 */
public final class ViewerMessages {

    public static final String BUNDLE = "org.readroom.fx.viewer.messages";
    public static final String SLICE = "viewer.slice";
    public static final String WINDOW = "viewer.window";
    public static final String LEVEL = "viewer.level";
    public static final String PRESETS = "viewer.presets";

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

    /** Every key the viewer uses, for the bundle consistency test. */
    static List<String> usedKeys() {
        List<String> keys = new ArrayList<>(List.of(SLICE, WINDOW, LEVEL, PRESETS));
        for (ViewerPreset preset : ViewerPreset.values()) {
            keys.add(preset.messageKey());
        }
        return keys;
    }
}
