package org.readroom.kiosk.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.readroom.core.protocol.PinnedTrust;

/**
 * How a kiosk was started: which server and the certificate authority pinned for it, which language, where its image
 * cache lives, and an optional pre-filled log-in.
 */
public record KioskOptions(
        URI server,
        PinnedTrust trust,
        Locale locale,
        Path cache,
        boolean windowed,
        String candidateNumber,
        String admissionCode) {

    public KioskOptions {
        if (server == null || server.getHost() == null) {
            throw new IllegalArgumentException("server: not a valid URL: " + server);
        }
        if (trust == null) {
            throw new IllegalArgumentException("trust: the exam server's certificate authority is not pinned");
        }
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        cache = cache == null ? Path.of(System.getProperty("user.home"), ".readroom", "kiosk-cache") : cache;
        candidateNumber = candidateNumber == null ? "" : candidateNumber;
        admissionCode = admissionCode == null ? "" : admissionCode;
    }
}
