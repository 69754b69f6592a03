package org.readroom.core.text;

import java.util.Locale;
import java.util.Objects;

/** A text written in Chinese and English; either may be empty, but not both. */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        zh = zh == null ? "" : zh;
        en = en == null ? "" : en;
        if (zh.isBlank() && en.isBlank()) {
            throw new IllegalArgumentException("text: both zh and en are empty");
        }
    }

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /** The text for a locale, falling back to the other language when that one is missing. */
    public String in(Locale locale) {
        boolean chinese = Objects.equals(locale.getLanguage(), Locale.CHINESE.getLanguage());
        String preferred = chinese ? zh : en;
        return preferred.isBlank() ? (chinese ? en : zh) : preferred;
    }
}
