package org.readroom.kiosk.app;

import javafx.application.Application;

/** Starts the kiosk from a plain classpath (a JavaFX main class must not extend Application there). */
public final class KioskMain {

    private KioskMain() {}

    public static void launch(KioskOptions options) {
        KioskApp.configure(options);
        Application.launch(KioskApp.class);
    }
}
