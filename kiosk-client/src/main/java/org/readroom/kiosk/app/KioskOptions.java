package org.readroom.kiosk.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** How a kiosk was started: which server, which language, where its image cache lives, optional pre-filled log-in. */
public record KioskOptions(
        URI server, Locale locale, Path cache, boolean windowed, String candidateNumber, String admissionCode) {

    public KioskOptions {
        if (server == null || server.getHost() == null) {
            throw new IllegalArgumentException("server: not a valid URL: " + server);
        }
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        cache = cache == null ? Path.of(System.getProperty("user.home"), ".readroom", "kiosk-cache") : cache;
        candidateNumber = candidateNumber == null ? "" : candidateNumber;
        admissionCode = admissionCode == null ? "" : admissionCode;
    }
}
