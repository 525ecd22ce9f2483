package dev.tenancy.test.postgres;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

/** A database created for one test class on the JVM's {@link TestPostgres} server; closing it drops it. */
public final class TestDatabase implements AutoCloseable {

    private final TestPostgres server;
    private final String name;

    TestDatabase(TestPostgres server, String name) {
        this.server = server;
        this.name = name;
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** Its JDBC URL. */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** The user name to connect with. */
    public String username() {
        return server.username();
    }

    /** The password to connect with, or {@code null}. */
    public String password() {
        return server.password();
    }

    /** Opens a new, unpooled connection; the caller closes it. */
    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), password());
    }

    /** An unpooled {@link DataSource} on this database (each {@code getConnection} opens a new connection). */
    public DataSource unpooledDataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(username());
        if (password() != null) {
            dataSource.setPassword(password());
        }
        return dataSource;
    }

    /** Drops the database, closing any connection still open on it. */
    @Override
    public void close() {
        server.dropDatabase(name);
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + "]";
    }
}
