package dev.tenancy.sample.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The development database: an embedded PostgreSQL 17 whose data directory survives restarts. The process that
 * starts it stops it when it exits; a process started while it runs (a command next to the serving application)
 * joins it instead of starting a second server on the same data.
 *
 * <p>The server trusts local connections as {@code postgres} without a password and listens on localhost only: it is
 * for development, never for production data.
 */
final class EmbeddedDatabase implements JdbcConnectionDetails {

    private static final Log log = LogFactory.getLog(EmbeddedDatabase.class);
    private static final String USER = "postgres";

    private final String jdbcUrl;
    private final EmbeddedPostgres started;

    private EmbeddedDatabase(String jdbcUrl, EmbeddedPostgres started) {
        this.jdbcUrl = jdbcUrl;
        this.started = started;
    }

    /** Joins the server already running on {@code port}, or starts one on {@code dataDirectory}. */
    static EmbeddedDatabase startOrJoin(Path dataDirectory, int port) {
        String jdbcUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
        if (answers(jdbcUrl)) {
            log.info("Using the sample database already running on port " + port + ".");
            return new EmbeddedDatabase(jdbcUrl, null);
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        log.info("Starting the sample database (PostgreSQL 17) on port " + port + " with its data in " + directory
                + ". Set SPRING_DATASOURCE_URL to use another PostgreSQL server instead.");
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new EmbeddedDatabase(jdbcUrl, postgres);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the sample database on port " + port + " with its data "
                    + "in " + directory + ": " + e.getMessage() + ". Free the port or choose another one with "
                    + "--sample.embedded-database.port=PORT, or set SPRING_DATASOURCE_URL to use your own PostgreSQL.",
                    e);
        }
    }

    private static boolean answers(String jdbcUrl) {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("connectTimeout", "2");
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, properties)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String getJdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String getUsername() {
        return USER;
    }

    @Override
    public String getPassword() {
        return null;
    }

    /** Stops the server if this process started it. */
    public void close() {
        if (started == null) {
            return;
        }
        try {
            started.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The sample database did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
