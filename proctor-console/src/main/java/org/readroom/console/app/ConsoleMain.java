package org.readroom.console.app;

import javafx.application.Application;

/** Starts the console from a plain classpath (a JavaFX main class must not extend Application there). */
public final class ConsoleMain {

    private ConsoleMain() {}

    public static void launch(ConsoleOptions options) {
        ConsoleApp.configure(options);
        Application.launch(ConsoleApp.class);
    }
}
