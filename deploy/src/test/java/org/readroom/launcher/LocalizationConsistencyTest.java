package org.readroom.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.readroom.core.protocol.ItemKind;
import org.readroom.core.session.CandidateStatus;
import org.readroom.kiosk.sync.AnswerSync;

/**
 * Every key the clients' code asks for exists in both languages, and no bundle carries a key nobody uses. Keys built
 * from an enum ("sync." + state) are expanded from that enum.
 */
class LocalizationConsistencyTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("text\\.get\\(\\s*\"([a-zA-Z0-9.]+)\"\\s*[,)]");

    @Test
    void kioskBundlesMatchTheKeysTheKioskUses() throws IOException {
        Set<String> used = literalKeys(Path.of("../kiosk-client/src/main/java"));
        for (ItemKind kind : ItemKind.values()) {
            used.add("exam.kind." + kind.name());
        }
        for (AnswerSync.State state : AnswerSync.State.values()) {
            used.add("sync." + state.name());
        }
        assertBundles("org.readroom.kiosk.messages", used);
    }

    @Test
    void consoleBundlesMatchTheKeysTheConsoleUses() throws IOException {
        Set<String> used = literalKeys(Path.of("../proctor-console/src/main/java"));
        for (CandidateStatus status : CandidateStatus.values()) {
            used.add("status." + status.name());
        }
        assertBundles("org.readroom.console.messages", used);
    }

    private static void assertBundles(String bundle, Set<String> used) {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            Set<String> keys = new TreeSet<>(ResourceBundle.getBundle(
                            bundle,
                            locale,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT))
                    .keySet());
            assertEquals(
                    new TreeSet<>(used), keys, bundle + " (" + locale + "): bundle keys differ from the keys in use");
        }
        assertEquals(
                "zh",
                ResourceBundle.getBundle(
                                bundle,
                                Locale.SIMPLIFIED_CHINESE,
                                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT))
                        .getLocale()
                        .getLanguage(),
                bundle + " has no zh_CN file");
    }

    private static Set<String> literalKeys(Path sources) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }
}
