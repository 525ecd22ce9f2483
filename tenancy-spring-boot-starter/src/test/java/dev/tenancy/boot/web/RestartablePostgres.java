package dev.tenancy.boot.web;

import dev.tenancy.boot.TestAppDatabase;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * A PostgreSQL server of the test's own (not the JVM's shared one), which the test can stop and start again on the
 * same port and data directory, as a database restart; the test application's context is pointed at its
 * {@code postgres} database and gets the test tenants of {@link TestAppDatabase}.
 */
public final class RestartablePostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres server;

    /** Starts the server the first time; the data directory is removed when the JVM exits. */
    static synchronized void ensureStarted() {
        if (dataDirectory == null) {
            try {
                dataDirectory = Files.createTempDirectory("tenancy-restartable-postgres");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(RestartablePostgres::stopAndRemove, "restartable-pg"));
        }
        if (server == null) {
            start();
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended), keeping its data. */
    static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    /** Starts the server again on the same port and data directory. */
    static synchronized void start() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).setServerConfig("fsync", "off").setServerConfig("max_connections", "50")
                    .setRegisterShutdownHook(false).start();
            port = server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stopAndRemove() {
        try {
            if (server != null) {
                server.close();
            }
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop or remove the restartable PostgreSQL: " + e.getMessage());
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ensureStarted();
        TestPropertyValues.of(
                "spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.datasource.password=").applyTo(context);
        context.addApplicationListener((ContextRefreshedEvent event) -> {
            if (event.getApplicationContext() == context) {
                TestAppDatabase.seed(context.getBean(DataSource.class));
            }
        });
    }
}
