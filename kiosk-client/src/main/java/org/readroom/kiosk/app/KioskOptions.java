package org.readroom.kiosk.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.readroom.core.protocol.PinnedTrust;

/**
 * How a kiosk was started: which server and the certificate authority pinned for it, which language, the kiosk's own
 * folder (its keys, enrolment and packages; one per server by default) and the name it enrols under, and an optional
 * pre-filled log-in.
 */
public record KioskOptions(
        URI server,
        PinnedTrust trust,
        Locale locale,
        Path state,
        String name,
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
        state = state == null
                ? Path.of(
                        System.getProperty("user.home"),
                        ".readroom",
                        "kiosk",
                        server.getHost().replace(':', '_') + "-" + server.getPort())
                : state;
        name = name == null || name.isBlank() ? defaultName() : name.strip();
        if (name.length() > 100) {
            throw new IllegalArgumentException("name: at most 100 characters");
        }
        candidateNumber = candidateNumber == null ? "" : candidateNumber;
        admissionCode = admissionCode == null ? "" : admissionCode;
    }

    private static String defaultName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "kiosk";
        }
    }
}
