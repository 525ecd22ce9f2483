package dev.tenancy.core.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The pool as the library's own work (migrations, provisioning) sees it: every connection handed out has first had
 * its {@code search_path} set to the shared one, whatever an earlier borrower left on it (a tenant connection's
 * close leaves the tenant's path on the pooled connection). The {@code SET} is committed before the connection is
 * handed out, so a rollback by the caller cannot bring the earlier path back. With tenant roles, the same statement
 * sets the login role back ({@code SET ROLE NONE}), which a tenant connection's close leaves as the tenant's.
 */
final class SharedPathDataSource implements DataSource {

    private final DataSource pool;
    private final String setSharedPath;

    SharedPathDataSource(DataSource pool, SearchPath searchPath, boolean resetRole) {
        this.pool = pool;
        this.setSharedPath = searchPath.statementFor(null) + (resetRole ? "; SET ROLE NONE" : "");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return withSharedPath(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return withSharedPath(pool.getConnection(username, password));
    }

    private Connection withSharedPath(Connection connection) throws SQLException {
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute(setSharedPath);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "SharedPathDataSource[" + pool + "]";
    }
}
