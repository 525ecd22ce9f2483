package dev.tenancy.boot;

import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import org.flywaydb.core.Flyway;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Points the test application at one database shared by every test context of this JVM (so test classes can share
 * cached contexts), and once the application has started — and migrated the shared schema — adds the test tenants:
 * <ul>
 *   <li>{@code tenant_alpha} (ACTIVE) at {@code alpha.example.com} and {@code alpha}, one note "alpha note";</li>
 *   <li>{@code tenant_beta} (ACTIVE) at {@code beta.example.com} and {@code beta}, one note "beta note";</li>
 *   <li>{@code tenant_sleepy} (INACTIVE) at {@code sleepy.example.com};</li>
 *   <li>{@code tenant_fresh} (PROVISIONING) at {@code fresh.example.com}, no schema yet, and
 *       {@code auto_create_schema} off so that {@code create-missing-schemas} leaves it alone.</li>
 * </ul>
 */
public final class TestAppDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static TestDatabase database;

    /** The shared database, created on first use and dropped when the JVM exits. */
    public static synchronized TestDatabase database() {
        if (database == null) {
            TestDatabase created = TestPostgres.server().createDatabase("starter_app");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(created), "drop-" + created.name()));
            database = created;
        }
        return database;
    }

    private static void dropQuietly(TestDatabase created) {
        try {
            created.close();
        } catch (RuntimeException e) {
            System.err.println("Could not drop " + created + ": " + e.getMessage());
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase db = database();
        TestPropertyValues.of(
                "spring.datasource.url=" + db.jdbcUrl(),
                "spring.datasource.username=" + db.username(),
                "spring.datasource.password=" + (db.password() == null ? "" : db.password())).applyTo(context);
        context.addApplicationListener((ContextRefreshedEvent event) -> {
            if (event.getApplicationContext() == context) {
                seed(context.getBean(DataSource.class));
            }
        });
    }

    /** Adds the test tenants listed above to the application's database, unless it has tenants already. */
    public static synchronized void seed(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        if (jdbc.queryForObject("SELECT count(*) FROM public.tenants", Integer.class) > 0) {
            return;
        }
        tenant(jdbc, "tenant_alpha", "ACTIVE", "alpha.example.com", "alpha");
        tenant(jdbc, "tenant_beta", "ACTIVE", "beta.example.com", "beta");
        tenant(jdbc, "tenant_sleepy", "INACTIVE", "sleepy.example.com");
        tenant(jdbc, "tenant_fresh", "PROVISIONING", "fresh.example.com");
        jdbc.update("UPDATE public.tenants SET auto_create_schema = false WHERE schema_name = 'tenant_fresh'");
        for (String schema : new String[] {"tenant_alpha", "tenant_beta", "tenant_sleepy"}) {
            migrateTenant(dataSource, schema);
        }
        jdbc.update("INSERT INTO tenant_alpha.notes (body) VALUES ('alpha note')");
        jdbc.update("INSERT INTO tenant_beta.notes (body) VALUES ('beta note')");
    }

    private static void tenant(JdbcTemplate jdbc, String schema, String status, String... domains) {
        Long id = jdbc.queryForObject("INSERT INTO public.tenants (schema_name, status, name) VALUES (?, ?, ?) "
                + "RETURNING id", Long.class, schema, status, schema);
        for (int i = 0; i < domains.length; i++) {
            jdbc.update("INSERT INTO public.domains (domain, tenant_id, is_primary) VALUES (?, ?, ?)",
                    domains[i], id, i == 0);
        }
    }

    /** Creates and migrates a tenant schema with the tenant migrations, straight through Flyway. */
    public static void migrateTenant(DataSource dataSource, String schema) {
        try {
            Flyway.configure()
                    .dataSource(dataSource.unwrap(TenantAwareDataSource.class).target())
                    .schemas(schema)
                    .defaultSchema(schema)
                    .locations("classpath:db/migration/tenant")
                    .load()
                    .migrate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
