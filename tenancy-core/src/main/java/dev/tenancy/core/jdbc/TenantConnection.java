package dev.tenancy.core.jdbc;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantSchemaMissingException;
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
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection that runs every statement under the {@code search_path} of the tenant the statement is for: a prepared
 * statement keeps the tenant it was made for, a plain statement's SQL runs for the tenant the connection serves when
 * it is executed (the thread's tenant context, or the pinned tenant). Statements are handed out behind a
 * {@link TenantStatement} (a {@link TenantPreparedStatement} or {@link TenantCallableStatement} for prepared ones), so
 * the path is put in force by {@link #execute} right before each execution, under the connection's lock: a connection
 * shared by two threads serves each its own tenant, one statement at a time.
 *
 * <p><b>The state machine.</b> What the connection knows about the path of its session is one of:
 * <ul>
 *   <li>{@code UNKNOWN} — not set by this connection, or possibly changed since: fresh from the pool, after a
 *       rollback (or savepoint rollback, or a commit that failed) that may have undone a {@code SET}, after SQL text
 *       that may change the path or end a transaction ({@link SessionSql}), after a failed attempt to set it;</li>
 *   <li>{@code SET(t)} — set for tenant {@code t} and committed (or set with auto-commit on); also the state a
 *       connection starts in when {@linkplain TenantAffinity tenant affinity} hands out one parked by an earlier
 *       tenant connection that closed in {@code SET(t)} (it never went back to the pool meanwhile);</li>
 *   <li>{@code SET_IN_TRANSACTION(t)} — set for {@code t} inside the open transaction: a commit makes it {@code SET(t)},
 *       a rollback, a savepoint rollback or a failed commit makes it {@code UNKNOWN}.</li>
 * </ul>
 * {@link #pathInForce} is the one place that decides whether a statement for tenant {@code w} needs the path set: it
 * does not when {@code w}'s schema was found there less than the check interval ago (by any connection of the data
 * source) and the session has {@code w}'s path: on PostgreSQL 18 and later, which report {@code search_path} to the
 * driver whenever it changes, whoever changed it, the report says so; before 18, the state must be {@code SET(w)} or
 * {@code SET_IN_TRANSACTION(w)}. Otherwise one statement sets the path and, in the same round trip, fails with
 * {@link TenantSchemaMissingException} when the schema does not exist (PostgreSQL skips a missing schema of the path,
 * so the statement would have read the shared schema's tables). With tenant roles ({@link PathSetting}), the same
 * statement sets the tenant's role, and the server's report is not trusted (it does not cover the role).
 *
 * <p>With the path scoped to the transaction ({@link PathScope#TRANSACTION}, for transaction poolers), the server's
 * report is never trusted, a commit leads to {@code UNKNOWN} rather than {@code SET(t)}, so the path (and role) is set
 * as the first statement of every transaction, and a statement run with auto-commit on gets a transaction of its own.
 */
final class TenantConnection extends DelegatingConnection {

    private static final String SEARCH_PATH = "search_path";

    private enum PathState { UNKNOWN, SET, SET_IN_TRANSACTION }

    private final Connection delegate;
    private final PGConnection server;
    private final SearchPath searchPath;
    private final PathSetting setting;
    private final LongAdder counter;
    private final boolean followsContext;
    private final SchemaName pinned;
    private final boolean labelStatements;
    private final long checkIntervalNanos;
    private final PathScope scope;
    private final ReentrantLock lock = new ReentrantLock();
    private final TenantAffinity.Lease lease;

    private PathState state = PathState.UNKNOWN;
    private SchemaName pathTenant;
    private volatile boolean closed;
    private volatile boolean untrusted;

    /**
     * @param lease the parked or fresh lease of a tenant-affine pool ({@link TenantAffinity}) the connection comes
     *              from, {@code null} without affinity; a parked one starts in {@code SET} for the tenant it holds
     */
    TenantConnection(Connection delegate, SearchPath searchPath, PathSetting setting, LongAdder counter,
            boolean followsContext, SchemaName pinned, boolean labelStatements, long checkIntervalNanos,
            PathScope scope, TenantAffinity.Lease lease) throws SQLException {
        super(delegate);
        this.lease = lease;
        if (lease != null && lease.pathKnown()) {
            state = PathState.SET;
            pathTenant = lease.pathTenant();
        }
        this.delegate = delegate;
        this.server = delegate.isWrapperFor(PGConnection.class) ? delegate.unwrap(PGConnection.class) : null;
        this.searchPath = searchPath;
        this.setting = setting;
        this.counter = counter;
        this.followsContext = followsContext;
        this.pinned = pinned;
        this.labelStatements = labelStatements;
        this.checkIntervalNanos = checkIntervalNanos;
        this.scope = scope;
    }

    /** The tenant this connection serves now ({@code null}: public). */
    SchemaName servedTenant() {
        return followsContext ? Tenants.currentOrNull() : pinned;
    }

    /** Puts the served tenant's path in force as the connection is handed out (with the path scoped to the session). */
    void checkOut() throws SQLException {
        if (!scope.setsPathOnCheckout()) {
            return;
        }
        lock.lock();
        try {
            ensurePath(servedTenant());
        } finally {
            lock.unlock();
        }
    }

    /** One execution of a driver's statement of type {@code S}, given the SQL text it runs ({@code null}: its own). */
    @FunctionalInterface
    interface Execution<S extends Statement, R> {
        R run(S statement, String sql) throws SQLException;
    }

    /**
     * Runs one execution of a tenant statement under the connection's lock: puts {@code tenant}'s path in force (in a
     * transaction of its own when the path is scoped to the transaction and auto-commit is on), calls the driver, and
     * forgets the path when the SQL may have changed it.
     */
    <S extends Statement, R> R execute(SchemaName tenant, boolean mayChangePath, S statement, String sql,
            Execution<S, R> execution) throws SQLException {
        lock.lock();
        boolean ownTransaction = false;
        try {
            requireOpen();
            ownTransaction = scope.needsOwnTransaction(delegate);
            if (ownTransaction) {
                return PathScope.inOwnTransaction(delegate, statement, () -> {
                    setPath(tenant);
                    return execution.run(statement, sql);
                });
            }
            ensurePath(tenant);
            return execution.run(statement, sql);
        } catch (SQLException | RuntimeException e) {
            untrusted = true;
            throw e;
        } finally {
            if (mayChangePath || ownTransaction) {
                state = PathState.UNKNOWN;
            }
            lock.unlock();
        }
    }

    private void ensurePath(SchemaName tenant) throws SQLException {
        if (!pathInForce(tenant)) {
            setPath(tenant);
        }
    }

    /** Whether the session has {@code tenant}'s path, its schema checked less than the interval ago. */
    private boolean pathInForce(SchemaName tenant) {
        SearchPath.Check check = searchPath.lastCheck(tenant);
        if (check == null || System.nanoTime() - check.nanos() >= checkIntervalNanos) {
            return false;
        }
        String reported = setting.trustsReportedPath() ? reportedSearchPath() : null;
        if (reported != null) {
            return reported.equals(check.reported());
        }
        return state != PathState.UNKNOWN && Objects.equals(pathTenant, tenant);
    }

    /**
     * Sets {@code tenant}'s path, checking in the same statement that its schema exists. Labelled connections use
     * {@code set_config} through one prepared statement: pgjdbc takes a top-level {@code SET search_path} (on servers
     * before 18) for a sign that its server-prepared statements may now resolve other tables, and drops them all, so
     * every tenant switch would cost re-preparing and re-planning each statement. Labelled statements never need that:
     * each runs only under its own tenant's path. Without labels, one statement text serves every tenant, and the
     * plain {@code SET} keeps the driver re-preparing it for each path, as it expects.
     */
    private void setPath(SchemaName tenant) throws SQLException {
        state = PathState.UNKNOWN;
        try {
            if (labelStatements || scope == PathScope.TRANSACTION) {
                try (PreparedStatement set = delegate.prepareStatement(setting.preparedSql())) {
                    setting.bind(set, tenant);
                    set.execute();
                }
            } else {
                try (Statement set = delegate.createStatement()) {
                    set.execute(setting.plainSql(tenant));
                }
            }
        } catch (SQLException e) {
            if (TenantSchemaMissingException.SQL_STATE.equals(e.getSQLState())) {
                throw new TenantSchemaMissingException(tenant == null ? null : tenant.value(),
                        searchPath.sharedSchema(), e);
            }
            throw setting.explain(tenant, e);
        }
        counter.increment();
        pathTenant = tenant;
        state = delegate.getAutoCommit() ? PathState.SET : PathState.SET_IN_TRANSACTION;
        searchPath.checked(tenant, reportedSearchPath(), System.nanoTime());
    }

    private String reportedSearchPath() {
        return server == null ? null : server.getParameterStatus(SEARCH_PATH);
    }

    /** Keeps a path set inside the committed transaction when it outlives it (session scope), else forgets it. */
    private void transactionCommitted() {
        if (state == PathState.SET_IN_TRANSACTION) {
            state = scope.pathSurvivesCommit() ? PathState.SET : PathState.UNKNOWN;
        }
    }

    /** Forgets a path set inside the transaction that is ending without a commit. */
    private void transactionUndone() {
        if (state == PathState.SET_IN_TRANSACTION) {
            state = PathState.UNKNOWN;
        }
    }

    /**
     * The SQL of a prepared statement, labelled with its tenant: <code>/* tenant_a *&#47; select ...</code>. The
     * driver caches prepared statements by their text, and PostgreSQL re-plans a prepared statement whenever it runs
     * under another search path than the one it was planned with; with one text per tenant, each tenant's statements
     * keep their own plans on a connection that serves many tenants. The label is only a cache key: the path put in
     * force before each execution decides what the statement reads. Schema names cannot contain {@code *}, so the
     * label cannot end the comment early.
     */
    private String label(SchemaName tenant, String sql) {
        if (!labelStatements || tenant == null || sql == null) {
            return sql;
        }
        return searchPath.labelled(tenant, sql);
    }

    private PreparedStatement prepared(SchemaName tenant, String sql, PreparedStatement statement) {
        return new TenantPreparedStatement(this, statement, tenant, SessionSql.preparedMayChangePath(sql));
    }

    private CallableStatement callable(SchemaName tenant, String sql, CallableStatement statement) {
        return new TenantCallableStatement(this, statement, tenant, SessionSql.preparedMayChangePath(sql));
    }

    // --- statements: each is guarded; the path is put in force when it is executed ---

    @Override
    public Statement createStatement() throws SQLException {
        return new TenantStatement(this, delegate.createStatement());
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return new TenantStatement(this, delegate.createStatement(resultSetType, resultSetConcurrency));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return new TenantStatement(this,
                delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        SchemaName tenant = servedTenant();
        return prepared(tenant, sql, delegate.prepareStatement(label(tenant, sql)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        SchemaName tenant = servedTenant();
        return prepared(tenant, sql,
                delegate.prepareStatement(label(tenant, sql), resultSetType, resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        SchemaName tenant = servedTenant();
        return prepared(tenant, sql, delegate.prepareStatement(label(tenant, sql), resultSetType,
                resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        SchemaName tenant = servedTenant();
        return prepared(tenant, sql, delegate.prepareStatement(label(tenant, sql), autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        SchemaName tenant = servedTenant();
        return prepared(tenant, sql, delegate.prepareStatement(label(tenant, sql), columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        SchemaName tenant = servedTenant();
        return prepared(tenant, sql, delegate.prepareStatement(label(tenant, sql), columnNames));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        SchemaName tenant = servedTenant();
        return callable(tenant, sql, delegate.prepareCall(label(tenant, sql)));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        SchemaName tenant = servedTenant();
        return callable(tenant, sql, delegate.prepareCall(label(tenant, sql), resultSetType, resultSetConcurrency));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        SchemaName tenant = servedTenant();
        return callable(tenant, sql, delegate.prepareCall(label(tenant, sql), resultSetType, resultSetConcurrency,
                resultSetHoldability));
    }

    // --- transactions: a path set inside one is forgotten when it may have been undone ---

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        lock.lock();
        try {
            requireOpen();
            boolean committing = autoCommit && !delegate.getAutoCommit();
            try {
                delegate.setAutoCommit(autoCommit);
            } catch (SQLException | RuntimeException e) {
                transactionUndone();
                throw e;
            }
            if (committing) {
                transactionCommitted();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return delegate.getAutoCommit();
    }

    @Override
    public void commit() throws SQLException {
        lock.lock();
        try {
            requireOpen();
            try {
                delegate.commit();
            } catch (SQLException | RuntimeException e) {
                transactionUndone();
                throw e;
            }
            transactionCommitted();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void rollback() throws SQLException {
        lock.lock();
        try {
            requireOpen();
            transactionUndone();
            delegate.rollback();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        lock.lock();
        try {
            requireOpen();
            transactionUndone();
            delegate.rollback(savepoint);
        } finally {
            lock.unlock();
        }
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

    /** The first schema of the served tenant's path, put in force first. */
    @Override
    public String getSchema() throws SQLException {
        return execute(servedTenant(), false, null, null, (none, sql) -> delegate.getSchema());
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        driverObjectHandedOut();
        return delegate.unwrap(iface);
    }

    /**
     * A driver object (the connection, or a statement of it) was handed out unguarded: whatever it runs is not seen,
     * so the path is not trusted beyond this checkout.
     */
    void driverObjectHandedOut() {
        untrusted = true;
    }

    // --- the end of a checkout: with tenant affinity, a connection whose path is certain is parked ---

    /**
     * Gives the connection back. With {@linkplain TenantAffinity tenant affinity}, a connection whose path this
     * connection set and saw committed ({@code SET}), and on which nothing it could not follow happened (the
     * driver's connection handed out through {@link #unwrap}, a failed statement, {@code abort}, a changed isolation
     * level or network timeout), is parked for its tenant; anything uncertain gives it back to the pool, which forgets
     * its path. Once closed, the connection and its statements refuse further use, since the pooled connection may
     * already serve someone else.
     */
    @Override
    public void close() throws SQLException {
        if (lease == null) {
            delegate.close();
            return;
        }
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (state == PathState.SET && !untrusted && lease.reusable()) {
                lease.park(pathTenant);
            } else {
                lease.release();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed || delegate.isClosed();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        untrusted = true;
        delegate.abort(executor);
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        untrusted = true;
        delegate.setTransactionIsolation(level);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        untrusted = true;
        delegate.setNetworkTimeout(executor, milliseconds);
    }

    private void requireOpen() throws SQLException {
        if (closed) {
            throw new SQLException("The connection is closed.", "08003");
        }
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
