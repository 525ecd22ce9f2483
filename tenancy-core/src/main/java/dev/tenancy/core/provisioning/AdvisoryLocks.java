package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * PostgreSQL advisory locks that keep provisioning operations on the same tenant (or on the template) from
 * overlapping, across threads and processes. A lock is keyed by a 64-bit hash of a name such as
 * {@code tenancy.tenant:tenant_acme}.
 *
 * <p>Session locks are held by one connection until released (or until its session ends, e.g. when the process
 * dies, which is how {@link TenantProvisioner#recoverInterrupted()} tells an interrupted creation from a running
 * one). An instance releases every lock it took when closed, before its connection goes back to the pool.
 */
final class AdvisoryLocks implements AutoCloseable {

    private final Connection connection;
    private final Deque<String> held = new ArrayDeque<>();

    AdvisoryLocks(Connection connection) {
        this.connection = connection;
    }

    static String tenantKey(SchemaName schema) {
        return "tenancy.tenant:" + schema.value();
    }

    static String templateKey(SchemaName template) {
        return "tenancy.template:" + template.value();
    }

    /** Takes the session lock if it is free; returns whether it was taken. */
    boolean tryLock(String key) throws SQLException {
        boolean taken = Jdbc.queryBoolean(connection, "SELECT pg_try_advisory_lock(hashtextextended(?, 0))", key);
        if (taken) {
            held.push(key);
        }
        return taken;
    }

    /** Waits for the session lock. */
    void lock(String key) throws SQLException {
        Jdbc.queryString(connection, "SELECT pg_advisory_lock(hashtextextended(?, 0))::text", key);
        held.push(key);
    }

    /** Waits for the shared form of the lock, held until the current transaction ends. */
    static void lockSharedForTransaction(Connection transaction, String key) throws SQLException {
        Jdbc.queryString(transaction, "SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))::text", key);
    }

    /** Waits for the lock, held until the current transaction ends. */
    static void lockForTransaction(Connection transaction, String key) throws SQLException {
        Jdbc.queryString(transaction, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))::text", key);
    }

    /**
     * Releases every session lock this instance took, newest first. When that fails the connection is aborted
     * instead (which ends its session and so its locks), so that no pooled connection keeps a lock; the failure is
     * logged, since the operation the locks guarded is over either way.
     */
    @Override
    public void close() {
        try {
            while (!held.isEmpty()) {
                Jdbc.queryString(connection, "SELECT pg_advisory_unlock(hashtextextended(?, 0))::text", held.peek());
                held.pop();
            }
        } catch (SQLException e) {
            Context.warn("Could not release the advisory locks " + held + "; closing their connection instead", e);
            try {
                connection.abort(Runnable::run);
            } catch (SQLException abort) {
                Context.warn("Could not abort the connection holding advisory locks", abort);
            }
        }
    }
}
