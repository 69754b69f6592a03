package org.readroom.launcher;

import java.net.BindException;

/** Turns a start-up failure into one sentence for the terminal (details go to the log). */
final class Failures {

    private Failures() {}

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof BindException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof BindException) {
            return "the port is already in use (" + root.getMessage() + "); choose another with --port";
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
