package org.readroom.console.app;

import java.net.URI;
import java.util.Locale;

/** How the console was started: which server, which language, an optional pre-filled staff log-in. */
public record ConsoleOptions(URI server, Locale locale, String username, String password) {

    public ConsoleOptions {
        if (server == null || server.getHost() == null) {
            throw new IllegalArgumentException("server: not a valid URL: " + server);
        }
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }
}
