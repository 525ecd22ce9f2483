package dev.tenancy.test.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A PostgreSQL 17 for running an application in development without installing one: embedded, its data directory
 * kept between runs, listening on localhost only and trusting {@code postgres} without a password. A second process
 * (a command next to the running application) joins the server already running on the port instead of starting
 * another on the same data. Never for production data.
 *
 * <pre>{@code
 * public static void main(String[] args) {                  // a test-scoped main class; ./mvnw spring-boot:test-run
 *     DevelopmentPostgres database = DevelopmentPostgres.startOrJoin(Path.of(".dev-postgres"), 5433);
 *     SpringApplication.from(Application::main).run(database.springArguments(args));
 * }
 * }</pre>
 */
public final class DevelopmentPostgres implements AutoCloseable {

    private static final String USER = "postgres";

    private final String jdbcUrl;
    private final EmbeddedPostgres started;

    private DevelopmentPostgres(String jdbcUrl, EmbeddedPostgres started) {
        this.jdbcUrl = jdbcUrl;
        this.started = started;
    }

    /**
     * Joins the server already answering on {@code port}, or starts one keeping its data in {@code dataDirectory}
     * (created when missing). A server this process starts stops when the JVM exits, or with {@link #close()}.
     *
     * @throws IllegalStateException when the server cannot start, e.g. the port is taken by something else
     */
    public static DevelopmentPostgres startOrJoin(Path dataDirectory, int port) {
        String jdbcUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
        if (answers(jdbcUrl)) {
            return new DevelopmentPostgres(jdbcUrl, null);
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            return new DevelopmentPostgres(jdbcUrl, postgres);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the development PostgreSQL on port " + port + " with "
                    + "its data in " + directory + ": " + e.getMessage() + ". Free the port or choose another one.",
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

    /** The server's {@code postgres} database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user to connect as, {@code postgres} (no password). */
    public String username() {
        return USER;
    }

    /** Whether this process started the server (rather than joining one). */
    public boolean startedHere() {
        return started != null;
    }

    /** {@code args} followed by Spring Boot's {@code spring.datasource.url} and {@code username} for this server. */
    public String[] springArguments(String... args) {
        return Stream.concat(Arrays.stream(args), Stream.of("--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + USER)).toArray(String[]::new);
    }

    /** Stops the server if this process started it; a joined server keeps running. */
    @Override
    public void close() {
        if (started == null) {
            return;
        }
        try {
            started.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The development PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
