package dev.tenancy.core.migration;

import dev.tenancy.core.TenancyException;

/** A migration could not be applied, or migrations could not be read or validated. */
public class MigrationException extends TenancyException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what failed and where. */
    public MigrationException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
