package org.readroom.core.errors;

/** An error from the catalogue, with detail for the log (never shown to users as is). */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode error;

    public ApiException(ErrorCode error, String detail) {
        super(error.code() + ": " + detail);
        this.error = error;
    }

    public ApiException(ErrorCode error, String detail, Throwable cause) {
        super(error.code() + ": " + detail, cause);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
