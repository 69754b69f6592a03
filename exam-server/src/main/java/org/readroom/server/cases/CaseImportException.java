package org.readroom.server.cases;

import java.util.Objects;
import org.readroom.core.errors.ErrorCode;

/**
 * An import that could not run at all (no such folder, a corrupt or unsafe zip, an unwritable data folder). The
 * message is one sentence for the user; nothing was stored. {@link #error()} is what the admin API answers with.
 */
public final class CaseImportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode error;

    public CaseImportException(String message) {
        this(ErrorCode.BAD_REQUEST, message);
    }

    public CaseImportException(String message, Throwable cause) {
        super(message, cause);
        this.error = ErrorCode.BAD_REQUEST;
    }

    public CaseImportException(ErrorCode error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The catalogue error of this failure: {@link ErrorCode#BAD_REQUEST} unless a zip limit refused the source. */
    public ErrorCode error() {
        return error;
    }
}
