package org.readroom.console.roster;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.readroom.core.errors.ErrorCode;

/** The console's words in one language (bundle {@code org.readroom.console.messages}, zh-CN and en). */
public final class ConsoleText {

    public static final String BUNDLE = "org.readroom.console.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    public ConsoleText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String error(ErrorCode code) {
        return code.message(locale);
    }
}
