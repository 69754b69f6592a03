package org.readroom.fx.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ViewerMessagesTest {

    private static Set<String> keysOf(String file) throws IOException {
        try (InputStream in = ViewerMessagesTest.class.getResourceAsStream(file)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new TreeSet<>(properties.stringPropertyNames());
        }
    }

    @Test
    void englishAndChineseBundlesHaveTheSameKeys() throws IOException {
        assertEquals(keysOf("messages_en.properties"), keysOf("messages_zh_CN.properties"));
    }

    @Test
    void bundleHoldsExactlyTheKeysTheViewerUses() throws IOException {
        assertEquals(new TreeSet<>(ViewerMessages.usedKeys()), keysOf("messages_en.properties"));
    }

    @Test
    void chineseLabelsAreTranslatedNotCopied() {
        var english = ViewerMessages.forLocale(Locale.ENGLISH);
        var chinese = ViewerMessages.forLocale(Locale.SIMPLIFIED_CHINESE);
        for (String key : ViewerMessages.usedKeys()) {
            assertNotEquals(english.getString(key), chinese.getString(key), key);
        }
        assertEquals("肺窗", chinese.getString("viewer.preset.lung"));
    }

    @Test
    void untranslatedLanguageFallsBackToEnglish() {
        assertEquals("Lung", ViewerMessages.forLocale(Locale.FRENCH).getString("viewer.preset.lung"));
    }
}
