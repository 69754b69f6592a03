package org.readroom.kiosk.i18n;

import java.util.Locale;
import org.readroom.fx.i18n.UiText;

/** The kiosk's bundle ({@code org.readroom.kiosk.messages}, zh-CN and en). */
public final class KioskText {

    public static final String BUNDLE = "org.readroom.kiosk.messages";

    private KioskText() {}

    public static UiText in(Locale locale) {
        return new UiText(BUNDLE, locale);
    }
}
