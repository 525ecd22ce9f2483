package dev.tenancy.core.provisioning;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The few JDBC idioms provisioning repeats: a transaction on a connection, a batch of DDL, one-value queries. */
final class Jdbc {

    private static final String UNIQUE_VIOLATION = "23505";

    private Jdbc() {
    }

    /** Work done inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    /**
     * Runs {@code work} in a transaction on {@code connection}: commits when it returns, rolls back when it throws.
     * The connection's auto-commit mode is restored afterwards.
     */
    static <T> T inTransaction(Connection connection, Work<T> work) throws Exception {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (Throwable failure) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                failure.addSuppressed(rollback);
            }
            throw failure;
        } finally {
            restoreAutoCommit(connection, autoCommit);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) throws SQLException {
        if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Runs the statements as one batch (one round trip); the error names the statement that failed. */
    static void executeAll(Connection connection, List<String> statements) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.addBatch(sql);
            }
            statement.executeBatch();
        } catch (BatchUpdateException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new SQLException(cause.getMessage(), cause.getSQLState(), e);
        }
    }

    /** Runs one statement. */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The boolean the query returns in its first column, false when it returns no row. */
    static boolean queryBoolean(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet rows = select.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    /** The string the query returns in its first column, or null when it returns no row. */
    static String queryString(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Runs an update with parameters and returns the row count. */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = prepare(connection, sql, parameters)) {
            return update.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** Whether {@code e} (or what it wraps) is a unique-constraint violation. */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if (UNIQUE_VIOLATION.equals(current.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Quotes a string as an SQL literal (standard_conforming_strings is on in every supported PostgreSQL). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
