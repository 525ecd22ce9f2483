package dev.tenancy.core;

/** Thrown when a schema name breaks one of the {@link SchemaName} rules; nothing has been sent to the database. */
public final class InvalidSchemaNameException extends TenancyException {

    private static final long serialVersionUID = 1L;

    /** The rule a schema name broke. */
    public enum Rule {
        /** Null or empty. */
        EMPTY,
        /** More than 63 bytes, PostgreSQL's identifier limit. */
        TOO_LONG,
        /** Characters other than lower-case ASCII letters, digits and underscores, or a leading digit. */
        CHARACTERS,
        /** Starts with {@code pg_}, the prefix PostgreSQL reserves for system schemas. */
        SYSTEM_PREFIX,
        /** {@code public}, {@code information_schema} or a name the application reserved. */
        RESERVED
    }

    private final Rule rule;
    private final String rejectedName;

    InvalidSchemaNameException(Rule rule, String rejectedName, String message) {
        super(message);
        this.rule = rule;
        this.rejectedName = rejectedName;
    }

    /** The rule that failed. */
    public Rule rule() {
        return rule;
    }

    /** The name that was rejected, exactly as given (may be {@code null}). */
    public String rejectedName() {
        return rejectedName;
    }
}
