package org.readroom.fx.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.text.LocalizedText;

/**
 * A client's words in one language from its resource bundle (zh-CN and en). The bundle for the asked language is
 * used even when the machine's default locale is another one.
 */
public final class UiText {

    private final Locale locale;
    private final ResourceBundle bundle;

    public UiText(String bundleName, Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                bundleName, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String of(LocalizedText text) {
        return text.in(locale);
    }

    public String error(ErrorCode code) {
        return code.message(locale);
    }
}
