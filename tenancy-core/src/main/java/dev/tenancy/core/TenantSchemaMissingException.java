package dev.tenancy.core;

import java.sql.SQLException;

/**
 * Thrown instead of running a statement for a tenant whose schema does not exist (dropped, or renamed, perhaps by
 * another instance or by hand). PostgreSQL skips a missing schema of the {@code search_path}, so the statement would
 * otherwise have read and written the shared schema's tables of the same names; it did not run.
 *
 * <p>It is an {@link SQLException} (SQL state {@value #SQL_STATE}, PostgreSQL's {@code invalid_schema_name}) because
 * JDBC methods throw it; frameworks wrap it (Spring's {@code DataAccessException}, Hibernate's
 * {@code JDBCException}), so look for it in the cause chain. The starter answers a web request that meets it with
 * 503. What to do: restore or re-create the schema, or deactivate the tenant.
 */
public final class TenantSchemaMissingException extends SQLException {

    /** PostgreSQL's SQL state for a schema that does not exist. */
    public static final String SQL_STATE = "3F000";

    private static final long serialVersionUID = 1L;

    private final String schema;

    /**
     * @param schema the missing schema ({@code null}: the shared schema, outside any tenant)
     * @param sharedSchema the shared schema's name, named when {@code schema} is {@code null}
     * @param cause the database's error
     */
    public TenantSchemaMissingException(String schema, String sharedSchema, SQLException cause) {
        super(schema == null
                ? "The shared schema '" + sharedSchema + "' does not exist; create it or fix the configured name."
                : "The schema '" + schema + "' of the tenant does not exist (dropped or renamed?); nothing was run. "
                + "Restore or re-create the schema, or deactivate the tenant.", SQL_STATE, cause);
        this.schema = schema;
    }

    /** The missing tenant schema, or {@code null} when the shared schema is missing. */
    public String schema() {
        return schema;
    }
}
