package org.readroom.console.roster;

import java.util.Locale;
import org.readroom.fx.i18n.UiText;

/** The console's bundle ({@code org.readroom.console.messages}, zh-CN and en). */
public final class ConsoleText {

    public static final String BUNDLE = "org.readroom.console.messages";

    private ConsoleText() {}

    public static UiText in(Locale locale) {
        return new UiText(BUNDLE, locale);
    }
}
