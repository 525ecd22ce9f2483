package dev.tenancy.core;

/** The base of every exception Tenancy throws on purpose; its message says what was wrong and what to do. */
public class TenancyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message for the user. */
    public TenancyException(String message) {
        super(message);
    }

    /** Creates an exception with a message for the user and the underlying cause. */
    public TenancyException(String message, Throwable cause) {
        super(message, cause);
    }
}
