package dev.tenancy.test.postgres;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Starts the test server as a PostgreSQL 17 container; loaded only when Testcontainers is asked for. */
final class ContainerPostgres {

    static final String IMAGE = "postgres:17";

    private ContainerPostgres() {
    }

    static TestPostgres start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(TestPostgres.KIND_VARIABLE + "=testcontainers, but no Docker engine is "
                    + "reachable. Start Docker, or unset " + TestPostgres.KIND_VARIABLE
                    + " to use the embedded PostgreSQL.");
        }
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c",
                        "full_page_writes=off", "-c", "max_connections=300");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-container-stop"));
        return new TestPostgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(), false);
    }
}
