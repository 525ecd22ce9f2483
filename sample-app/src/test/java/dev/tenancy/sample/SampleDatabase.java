package dev.tenancy.sample;

import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the sample application at one test database shared by every test of this JVM (on the JVM's
 * {@link TestPostgres} server), so test classes share one cached application context. Tests keep out of each other's
 * way by naming their own tenants and users ({@link Names}).
 */
public final class SampleDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static TestDatabase database;

    /** The shared database, created on first use and dropped when the JVM exits. */
    public static synchronized TestDatabase database() {
        if (database == null) {
            TestDatabase created = TestPostgres.server().createDatabase("sample_app");
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "drop-" + created.name()));
            database = created;
        }
        return database;
    }

    /** The Spring Boot properties that connect the application to the shared database. */
    public static String[] properties() {
        TestDatabase db = database();
        return new String[] {
            "spring.datasource.url=" + db.jdbcUrl(),
            "spring.datasource.username=" + db.username(),
            "spring.datasource.password=" + (db.password() == null ? "" : db.password())};
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(properties()).applyTo(context);
    }
}
