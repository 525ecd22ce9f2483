package dev.tenancy.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the {@code search_path} a {@link TenantConnection} sets lives, and what follows from it: every decision that
 * differs between the default mode and the mode for transaction poolers is made here.
 *
 * <ul>
 *   <li>{@link #SESSION} (the default): the path is set for the session and stays until changed; a connection that
 *       set it (or, on PostgreSQL 18, that the server reports to have it) does not set it again.</li>
 *   <li>{@link #TRANSACTION}: behind a pooler that hands each transaction to whichever server connection is free
 *       (PgBouncer in {@code pool_mode=transaction}), a session-level path would stay on a server connection that the
 *       next transaction, of any client, gets. So the path is set transaction-locally
 *       ({@code set_config('search_path', ..., true)}) as the first statement of every transaction, with the schema
 *       check riding on it; a statement run with auto-commit on runs in a short transaction of its own
 *       ({@code BEGIN}, path, statement, {@code COMMIT}); nothing is trusted across a transaction's end, and the
 *       server's report of the path (PostgreSQL 18) is ignored, since it may describe another server connection.</li>
 * </ul>
 */
enum PathScope {

    SESSION,
    TRANSACTION;

    /** Sets the path until the transaction ends, checking in the same statement that the schema exists. */
    static final String SET_LOCAL = "SELECT set_config('search_path', ?, true), ?::regnamespace";

    /** One piece of work on the driver's connection, throwing what the driver throws. */
    @FunctionalInterface
    interface Work<R> {
        R run() throws SQLException;
    }

    /** Whether the path is put in force as the connection is handed out (else at the first statement). */
    boolean setsPathOnCheckout() {
        return this == SESSION;
    }

    /** Whether the server's report of {@code search_path} may decide that the path is already in force. */
    boolean trustsReportedPath() {
        return this == SESSION;
    }

    /** Whether a path set inside a transaction is still in force once the transaction has committed. */
    boolean pathSurvivesCommit() {
        return this == SESSION;
    }

    /** Whether a statement about to run on {@code delegate} needs a transaction of its own to carry the path. */
    boolean needsOwnTransaction(Connection delegate) throws SQLException {
        return this == TRANSACTION && delegate.getAutoCommit();
    }

    /**
     * Runs {@code work} (which sets the path, then executes) in a transaction of its own on {@code delegate}, whose
     * auto-commit is on: commits when it succeeds, rolls back when it throws, and turns auto-commit back on. The
     * statement's fetch size is set aside meanwhile, so the driver reads its whole result before the commit (with
     * auto-commit on it would have too) rather than through a cursor the commit closes.
     */
    static <R> R inOwnTransaction(Connection delegate, Statement statement, Work<R> work) throws SQLException {
        int fetchSize = statement == null ? 0 : statement.getFetchSize();
        if (fetchSize != 0) {
            statement.setFetchSize(0);
        }
        delegate.setAutoCommit(false);
        R result;
        try {
            result = work.run();
            delegate.commit();
        } catch (Throwable e) {
            try {
                delegate.rollback();
                restore(delegate, statement, fetchSize);
            } catch (SQLException | RuntimeException cleanUp) {
                e.addSuppressed(cleanUp);
            }
            throw e;
        }
        restore(delegate, statement, fetchSize);
        return result;
    }

    private static void restore(Connection delegate, Statement statement, int fetchSize) throws SQLException {
        delegate.setAutoCommit(true);
        if (fetchSize != 0) {
            statement.setFetchSize(fetchSize);
        }
    }
}
