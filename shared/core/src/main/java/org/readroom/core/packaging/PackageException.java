package org.readroom.core.packaging;

/** A package that must not be used, with the reason it was refused. Crypto fails closed: there is no partial result. */
public final class PackageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a package was refused; each has its own message so an operator can tell them apart. */
    public enum Reason {
        NOT_A_PACKAGE,
        UNSUPPORTED_VERSION,
        UNKNOWN_ALGORITHM,
        MALFORMED_MANIFEST,
        BAD_SIGNATURE,
        TRUNCATED,
        CHUNK_CORRUPT,
        CHUNK_OUT_OF_PLACE,
        WRONG_KEY,
        ENTRY_CORRUPT,
        NO_SUCH_ENTRY
    }

    private final Reason reason;

    public PackageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
