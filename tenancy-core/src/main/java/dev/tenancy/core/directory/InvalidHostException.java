package dev.tenancy.core.directory;

import dev.tenancy.core.TenancyException;

/** Thrown when a value is not a valid host name; a web filter answers such requests with 400. */
public final class InvalidHostException extends TenancyException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what was wrong. */
    public InvalidHostException(String message) {
        super(message);
    }
}
