package org.readroom.console.app;

import java.net.URI;
import java.util.Locale;
import org.readroom.core.protocol.PinnedTrust;

/** How the console was started: which server, which language, an optional pre-filled staff log-in. */
public record ConsoleOptions(URI server, PinnedTrust trust, Locale locale, String username, String password) {

    public ConsoleOptions {
        if (server == null || server.getHost() == null) {
            throw new IllegalArgumentException("server: not a valid URL: " + server);
        }
        if (trust == null) {
            throw new IllegalArgumentException("trust: the exam server's certificate authority is not pinned");
        }
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }
}
