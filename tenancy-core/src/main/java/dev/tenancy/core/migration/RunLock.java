package dev.tenancy.core.migration;

import dev.tenancy.core.TenancyException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * The database-wide lock that makes migration runs take turns: a PostgreSQL session advisory lock held on one
 * connection for the whole run. A second run waits up to its configured time, then refuses with a message naming
 * the session that holds the lock. Flyway's own per-schema lock still guards each history table underneath.
 */
final class RunLock implements AutoCloseable {

    /** The first half of the two-part advisory lock key: "Tenancy" migration runs. */
    private static final int KEY_SPACE = 0x54_4e_4d_52;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Connection connection;
    private final int key;

    private RunLock(Connection connection, int key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Takes the lock named by {@code name} (the ledger table, so separate fleets in one database do not block each
     * other), waiting at most {@code wait}.
     *
     * @throws TenancyException when another run still holds it after {@code wait}
     */
    static RunLock acquire(DataSource dataSource, String name, Duration wait) {
        int key = name.hashCode() & Integer.MAX_VALUE;
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (!lock(connection, key, wait)) {
                String holder = holder(connection, key);
                throw new TenancyException("Another migration run is in progress on this database (" + holder
                        + "); gave up after waiting " + wait.toMillis() + " ms. Wait for it to finish (or stop it) "
                        + "and run again.");
            }
            return new RunLock(connection, key);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new TenancyException("Could not take the migration run lock: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static boolean lock(Connection connection, int key, Duration wait) throws SQLException {
        if (wait.isZero()) {
            return bool(connection, "SELECT pg_try_advisory_lock(?, ?)", key);
        }
        String previous = string(connection, "SELECT current_setting('lock_timeout')");
        setLockTimeout(connection, wait.toMillis() + "ms");
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            lock.setInt(1, KEY_SPACE);
            lock.setInt(2, key);
            lock.execute();
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        } finally {
            setLockTimeout(connection, previous);
        }
    }

    private static String holder(Connection connection, int key) throws SQLException {
        String sql = "SELECT 'pid ' || a.pid || coalesce(', application ' || nullif(a.application_name, ''), '')"
                + " || coalesce(', client ' || host(a.client_addr), '') || ', since ' || a.backend_start"
                + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
                + " AND l.classid = ?::int8::oid AND l.objid = ?::int8::oid";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, KEY_SPACE);
            select.setInt(2, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? "held by " + rows.getString(1) : "the holder has just finished";
            }
        }
    }

    private static void setLockTimeout(Connection connection, String value) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('lock_timeout', ?, false)")) {
            set.setString(1, value);
            set.execute();
        }
    }

    private static boolean bool(Connection connection, String sql, int key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, KEY_SPACE);
            select.setInt(2, key);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static String string(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The connection that holds the lock; the run may use it for its own bookkeeping queries. */
    Connection connection() {
        return connection;
    }

    /**
     * Releases the lock and returns the connection to the pool. When the lock cannot be released, the connection is
     * aborted instead, so that no pooled connection goes on holding it (closing the session releases it).
     */
    @Override
    public void close() {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, KEY_SPACE);
            unlock.setInt(2, key);
            unlock.execute();
            connection.close();
        } catch (SQLException e) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw new TenancyException("Could not release the migration run lock: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                System.getLogger(RunLock.class.getName()).log(System.Logger.Level.DEBUG, "Closing failed", e);
            }
        }
    }
}
