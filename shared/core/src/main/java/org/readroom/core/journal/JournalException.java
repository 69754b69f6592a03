package org.readroom.core.journal;

import java.io.IOException;

/** An answer journal that cannot be read: the message names the file and what is wrong. */
public final class JournalException extends IOException {
    public JournalException(String message) {
        super(message);
    }
}
