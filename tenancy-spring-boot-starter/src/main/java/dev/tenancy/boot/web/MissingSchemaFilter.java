package dev.tenancy.boot.web;

import dev.tenancy.core.TenantSchemaMissingException;

/**
 * Answers 503 when a request meets a tenant whose schema does not exist: Tenancy refused to run its statements
 * ({@link TenantSchemaMissingException}, found anywhere in the cause chain, e.g. inside Spring's
 * {@code DataAccessException} or a JPA exception) rather than serve the shared schema's tables. The body is the plain
 * JSON {@code {"error":"This tenant is temporarily unavailable."}}, with no schema name; the full message is logged
 * once per request as a warning. Registered right after the {@link TenantFilter}, so it also sees what Spring Security
 * and the rest of the chain throw. A response already committed is left as it is and the exception passes on.
 */
public final class MissingSchemaFilter extends ServiceUnavailableFilter {

    /** The body's message. */
    public static final String MESSAGE = "This tenant is temporarily unavailable.";

    /** A filter answering 503 with {@link #MESSAGE}. */
    public MissingSchemaFilter() {
        super(TenantSchemaMissingException.class::isInstance, MESSAGE);
    }
}
