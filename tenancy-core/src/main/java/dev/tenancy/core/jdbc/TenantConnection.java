package dev.tenancy.core.jdbc;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import org.postgresql.PGConnection;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * A connection whose {@code search_path} is kept equal to its tenant's. Before each statement is created it checks
 * that the path in force is its tenant's, and sets it if not: after a tenant switch (for connections that follow the
 * context), or after a rollback that undid a {@code SET} made inside the transaction.
 *
 * <p>How it knows the path in force: PostgreSQL 18 and later report {@code search_path} to the driver whenever it
 * changes, whoever changed it (this connection, a rollback, an earlier borrower of the pooled connection, the
 * application's own SQL), so the report is compared with the value the server reported for the tenant's path
 * before; when they match, no {@code SET} is sent. Older servers report nothing: the path is then set whenever the
 * connection is handed out, and tracked through this connection's own commits and rollbacks.
 */
final class TenantConnection extends DelegatingConnection {

    private static final String SEARCH_PATH = "search_path";
    private static final String SET_CONFIG = "SELECT set_config('search_path', ?, false)";

    private final Connection delegate;
    private final PGConnection server;
    private final SearchPath searchPath;
    private final LongAdder counter;
    private final boolean followsContext;
    private final SchemaName pinned;
    private final boolean labelStatements;

    private SchemaName applied;
    private boolean pathKnown;
    private boolean pathSetInOpenTransaction;

    TenantConnection(Connection delegate, SearchPath searchPath, LongAdder counter, boolean followsContext,
            SchemaName pinned, boolean labelStatements) throws SQLException {
        super(delegate);
        this.delegate = delegate;
        this.server = delegate.isWrapperFor(PGConnection.class) ? delegate.unwrap(PGConnection.class) : null;
        this.searchPath = searchPath;
        this.counter = counter;
        this.followsContext = followsContext;
        this.pinned = pinned;
        this.labelStatements = labelStatements;
    }

    /** Makes the search path the one of the tenant this connection serves now, setting it only when needed. */
    void applySearchPath() throws SQLException {
        SchemaName wanted = followsContext ? Tenants.currentOrNull() : pinned;
        String reported = reportedSearchPath();
        if (reported != null && reported.equals(searchPath.reportedValueFor(wanted))) {
            applied = wanted;
            pathKnown = true;
            return;
        }
        sendSearchPath(wanted);
        counter.increment();
        applied = wanted;
        pathKnown = true;
        if (!delegate.getAutoCommit()) {
            pathSetInOpenTransaction = true;
        }
        String now = reportedSearchPath();
        if (now != null) {
            searchPath.rememberReportedValue(wanted, now);
        }
    }

    /**
     * Sends the tenant's path. Labelled connections use {@code set_config} through one prepared statement: pgjdbc
     * takes a top-level {@code SET search_path} (on servers before 18) for a sign that its server-prepared statements
     * may now resolve other tables, and drops them all, so every tenant switch would cost re-preparing and re-planning
     * each statement. Labelled statements never need that: each runs only under its own tenant's path. (PostgreSQL
     * 18 and later report every path change to the driver, which then drops its statements whichever way the path
     * was set.) Without labels, one statement text serves every tenant, and the plain {@code SET} keeps the driver
     * re-preparing it for each path, as it expects.
     */
    private void sendSearchPath(SchemaName wanted) throws SQLException {
        if (labelStatements) {
            try (PreparedStatement set = delegate.prepareStatement(SET_CONFIG)) {
                set.setString(1, searchPath.valueFor(wanted));
                set.execute();
            }
        } else {
            try (Statement statement = delegate.createStatement()) {
                statement.execute(searchPath.statementFor(wanted));
            }
        }
    }

    private String reportedSearchPath() {
        return server == null ? null : server.getParameterStatus(SEARCH_PATH);
    }

    /** Sets the search path if it is not the tenant's; returns the tenant whose path is in force. */
    private SchemaName ensureSearchPath() throws SQLException {
        SchemaName wanted = followsContext ? Tenants.currentOrNull() : pinned;
        String reported = reportedSearchPath();
        if (reported != null) {
            if (!reported.equals(searchPath.reportedValueFor(wanted))) {
                applySearchPath();
            }
        } else if (!pathKnown || !Objects.equals(wanted, applied)) {
            applySearchPath();
        }
        return wanted;
    }

    /**
     * The SQL of a prepared statement, labelled with the tenant whose path is in force:
     * <code>/* tenant_a *&#47; select ...</code>. The driver caches prepared statements by their text, and PostgreSQL
     * re-plans a prepared statement whenever it runs under another search path than the one it was planned with; with
     * one text per tenant, each tenant's statements keep their own plans on a connection that serves many tenants.
     * The label is only a cache key: the search path set above decides what the statement reads. Schema names cannot
     * contain {@code *}, so the label cannot end the comment early.
     */
    private String prepare(String sql) throws SQLException {
        SchemaName tenant = ensureSearchPath();
        if (!labelStatements || tenant == null || sql == null) {
            return sql;
        }
        return "/* " + tenant.value() + " */ " + sql;
    }

    // --- statements: the search path is verified before each one is created ---

    @Override
    public Statement createStatement() throws SQLException {
        ensureSearchPath();
        return delegate.createStatement();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        ensureSearchPath();
        return delegate.createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        ensureSearchPath();
        return delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return delegate.prepareStatement(prepare(sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return delegate.prepareStatement(prepare(sql), resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return delegate.prepareStatement(prepare(sql), resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return delegate.prepareStatement(prepare(sql), autoGeneratedKeys);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return delegate.prepareStatement(prepare(sql), columnIndexes);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return delegate.prepareStatement(prepare(sql), columnNames);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return delegate.prepareCall(prepare(sql));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return delegate.prepareCall(prepare(sql), resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return delegate.prepareCall(prepare(sql), resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    // --- transactions: track whether a SET could be undone ---

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        boolean committing = autoCommit && !delegate.getAutoCommit();
        delegate.setAutoCommit(autoCommit);
        if (committing) {
            pathSetInOpenTransaction = false;
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return delegate.getAutoCommit();
    }

    @Override
    public void commit() throws SQLException {
        delegate.commit();
        pathSetInOpenTransaction = false;
    }

    @Override
    public void rollback() throws SQLException {
        if (pathSetInOpenTransaction) {
            pathKnown = false;
            pathSetInOpenTransaction = false;
        }
        delegate.rollback();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        if (pathSetInOpenTransaction) {
            pathKnown = false;
        }
        delegate.rollback(savepoint);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return delegate.setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return delegate.setSavepoint(name);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        delegate.releaseSavepoint(savepoint);
    }

    /** Refused: a tenant connection's schema follows its tenant. */
    @Override
    public void setSchema(String schema) throws SQLException {
        throw new SQLFeatureNotSupportedException("The schema of a tenant-aware connection follows the tenant "
                + "context; run the code with Tenants.run(schema, ...) instead of calling setSchema.");
    }

    @Override
    public String getSchema() throws SQLException {
        ensureSearchPath();
        return delegate.getSchema();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "TenantConnection[" + (followsContext ? "follows context" : "pinned to " + pinned) + ", " + delegate
                + "]";
    }
}
