package org.readroom.fx.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ViewerMessagesTest {

    private static final Pattern KEY_LITERAL = Pattern.compile("\"(viewer\\.[A-Za-z0-9_.]+)\"");

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

    /** Guards against a key typed as a literal somewhere that {@link ViewerMessages#usedKeys()} does not list. */
    @Test
    void everyKeyLiteralInTheSourcesIsAUsedKey() throws IOException {
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/readroom/fx/viewer"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    // Prefixes completed from an enum name ("viewer.tool." + name()) are checked through the enum.
                    if (!key.endsWith(".")) {
                        literals.add(key);
                    }
                }
            }
        }
        assertTrue(literals.size() > 10, "found the key constants: " + literals);
        literals.removeAll(ViewerMessages.usedKeys());
        assertEquals(Set.of(), literals);
    }

    @Test
    void chineseLabelsAreTranslatedNotCopied() {
        var english = ViewerMessages.forLocale(Locale.ENGLISH);
        var chinese = ViewerMessages.forLocale(Locale.SIMPLIFIED_CHINESE);
        // Units and layout grids read the same in both languages on Chinese reading stations.
        Set<String> shared = Set.of(
                "viewer.unit.length.MM",
                "viewer.unit.area.MM",
                "viewer.unit.value.HU",
                "viewer.layout.ONE_BY_ONE",
                "viewer.layout.ONE_BY_TWO",
                "viewer.layout.TWO_BY_TWO");
        for (String key : ViewerMessages.usedKeys()) {
            if (!shared.contains(key)) {
                assertNotEquals(english.getString(key), chinese.getString(key), key);
            }
        }
        assertEquals("肺窗", chinese.getString("viewer.preset.ct.LUNG"));
    }

    @Test
    void untranslatedLanguageFallsBackToEnglish() {
        assertEquals("Lung", ViewerMessages.forLocale(Locale.FRENCH).getString("viewer.preset.ct.LUNG"));
    }

    @Test
    void everyToolAndCommandHasAKeyHintOrIsMouseOnly() {
        for (Tool tool : Tool.values()) {
            assertTrue(!ViewerKeys.hint(tool).isEmpty(), tool.name());
        }
        var english = ViewerMessages.forLocale(Locale.ENGLISH);
        for (ViewerCommand command : ViewerCommand.values()) {
            assertTrue(!ViewerKeys.hint(command, english).isEmpty(), command.name());
        }
        assertEquals(
                "Rotate right (.)",
                ViewerKeys.withKey(english, "Rotate right", ViewerKeys.hint(ViewerCommand.ROTATE_CLOCKWISE, english)));
        assertEquals("Shift+Delete", ViewerKeys.hint(ViewerCommand.CLEAR_ANNOTATIONS, english));
    }
}
