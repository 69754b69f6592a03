package org.readroom.kiosk.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.text.LocalizedText;

/** The kiosk's words in one language (bundle {@code org.readroom.kiosk.messages}, zh-CN and en). */
public final class KioskText {

    public static final String BUNDLE = "org.readroom.kiosk.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    public KioskText(Locale locale) {
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

    public String of(LocalizedText text) {
        return text.in(locale);
    }

    public String error(ErrorCode code) {
        return code.message(locale);
    }
}
