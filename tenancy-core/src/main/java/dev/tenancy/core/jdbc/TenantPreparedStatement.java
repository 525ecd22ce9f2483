package dev.tenancy.core.jdbc;

import dev.tenancy.core.SchemaName;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Stands between the application and one prepared statement of a {@link TenantConnection}: it keeps the tenant it
 * was made for, and every execution goes through {@link TenantConnection#execute}, which puts that tenant's path in
 * force first, whatever tenant the connection serves meanwhile. SQL text it was made with that may change the path
 * makes the connection forget the path after each execution. Parameters go straight to the driver's statement.
 */
class TenantPreparedStatement extends PreparedParameters {

    private final PreparedStatement delegate;
    private final SchemaName tenant;
    private final boolean madeWithPathChange;

    /**
     * @param tenant the tenant the statement was made for ({@code null}: public)
     * @param madeWithPathChange whether the SQL it was made with may change the path or end a transaction
     */
    TenantPreparedStatement(TenantConnection connection, PreparedStatement delegate, SchemaName tenant,
            boolean madeWithPathChange) {
        super(connection, delegate);
        this.delegate = delegate;
        this.tenant = tenant;
        this.madeWithPathChange = madeWithPathChange;
    }

    @Override
    final SchemaName tenant() {
        return tenant;
    }

    @Override
    final boolean madeWithPathChange() {
        return madeWithPathChange;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return run(delegate, null, (statement, none) -> statement.executeQuery());
    }

    @Override
    public int executeUpdate() throws SQLException {
        return run(delegate, null, (statement, none) -> statement.executeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return run(delegate, null, (statement, none) -> statement.executeLargeUpdate());
    }

    @Override
    public boolean execute() throws SQLException {
        return run(delegate, null, (statement, none) -> statement.execute());
    }

    @Override
    public String toString() {
        return "TenantStatement[made for " + (tenant == null ? "public" : tenant) + ", " + delegate + "]";
    }
}
