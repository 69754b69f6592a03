package org.readroom.server.cases;

/**
 * An import that could not run at all (no such folder, a corrupt zip, an unwritable data folder). The message is
 * one sentence for the user; nothing was stored.
 */
public final class CaseImportException extends Exception {

    private static final long serialVersionUID = 1L;

    public CaseImportException(String message) {
        super(message);
    }

    public CaseImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
