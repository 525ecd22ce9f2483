package dev.tenancy.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs a test class against a real tenant: the JUnit Jupiter counterpart of django-tenants' {@code TenantTestCase}
 * and {@code FastTenantTestCase}.
 *
 * <p>Before the class's tests, the test tenant exists: its schema, migrated with the tenant migrations; its tenant
 * row, {@code ACTIVE}; its primary domain. Every test method, and every {@code @BeforeEach} / {@code @AfterEach}
 * method, runs inside that tenant's context ({@code Tenants.current()} is its schema), so repositories, JDBC and
 * Hibernate work in the tenant's schema. Tests can take a {@link TestTenant}, its domain ({@link TenantDomain}) and a
 * {@link TenantClient} as parameters.
 *
 * <pre>{@code
 * @TenantTest
 * class OrderRulesTest {
 *     @Test
 *     void ordersStartOpen(TestTenant tenant, DataSource dataSource) { ... }   // runs in schema "test"
 * }
 * }</pre>
 *
 * <p><b>Modes.</b> {@link Mode#REUSED} (the default) creates each tenant once and reuses it for every later class
 * that asks for the same tenant; {@link Mode#FRESH} creates and drops it for each class. In both modes each test
 * starts with the tenant as it was created: after each test the extension empties the tenant's tables (the migration
 * history excepted), restores the rows and sequence values that were there when it was created (its migrations', and
 * those its provisioning listeners wrote), and puts the tenant's own row and domain rows back. Nothing else in
 * {@code public} is reset or touched.
 *
 * <p><b>Where the tenant lives.</b> In a Spring test ({@code @SpringBootTest}, or any class run by Spring's
 * {@code SpringExtension}) the tenant is created through the application's beans (its DataSource, tenant tables,
 * tenant directory and migrations), and the application runs on a database of its own on the test PostgreSQL server
 * unless {@link #testDatabase()} is false. In a plain JUnit test the extension creates one database per JVM on the
 * test PostgreSQL server ({@code dev.tenancy.test.postgres.TestPostgres}), applies {@link #sharedMigrations()} to
 * its {@code public} schema, and tests take its tenant-aware {@code DataSource} as a parameter.
 *
 * <p><b>Parallel classes.</b> Classes that use the same tenant schema never run at the same time under JUnit's
 * parallel execution (each class holds a resource lock per schema), and the methods of a class run one after the
 * other. Give groups of classes schemas of their own to let them run side by side.
 *
 * <p><b>Clean-up.</b> Tenants are removed (schema dropped, tenant and domain rows deleted) when they are no longer
 * needed: at the end of the class in {@link Mode#FRESH}; in {@link Mode#REUSED} at the end of the test run, or
 * earlier when their Spring application context closes. Only schemas the extension created (marked with a comment)
 * and their own rows are ever removed. A plain test run's database is dropped when the run ends, a Spring context's
 * test database when the context closes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TenantTestExtension.class)
@ResourceLock(providers = TenantLocks.class)
public @interface TenantTest {

    /** The default schema of the test tenant, as in django-tenants' tests. */
    String DEFAULT_SCHEMA = "test";

    /**
     * Who creates and removes test tenants, as the provisioner's listeners ({@code TenantInfo.actor()}) and audit see
     * it. A listener of the application's tests can seed every test tenant with data, e.g. its admin user: rows that
     * exist when the tenant has been created are part of what each reset restores.
     */
    String ACTOR = "@TenantTest";

    /**
     * The test tenant's schema (a valid tenant schema name). Ignored when {@link #tenants()} is set.
     */
    String schema() default DEFAULT_SCHEMA;

    /**
     * The test tenant's primary domain; empty (the default) derives it from the schema: {@code test.localhost}
     * for {@code test}, {@code tenant-acme.localhost} for {@code tenant_acme}. Ignored when {@link #tenants()} is
     * set.
     */
    String domain() default "";

    /**
     * Values for the application's own columns of the tenant table (those a {@code TenantMixin} subclass adds), as
     * {@code column=value}, e.g. {@code "name=Test Tenant"}; PostgreSQL converts each value to the column's type.
     * Ignored when {@link #tenants()} is set.
     */
    String[] values() default {};

    /**
     * Several tenants for one class, e.g. for isolation tests; the first one is the tenant tests run in. Parameters
     * choose another with {@link TenantSchema}.
     */
    Tenant[] tenants() default {};

    /**
     * SQL scripts loaded into every test tenant of the class when it is created, e.g.
     * {@code "classpath:db/seed/tenant/data.sql"}, in order and in the tenant's schema. Their rows are part of what
     * each reset restores; a reused tenant is shared only by classes with the same seed. The application's own seed
     * ({@code tenancy.seed.*}, {@code TenantSeeder} beans) also runs in Spring tests, as for every new tenant.
     */
    String[] seed() default {};

    /** Whether the tenants are reused across classes (the default) or created and dropped for this class. */
    Mode mode() default Mode.REUSED;

    /** When the tenants' data is reset: after each test (the default) or once, after the class. */
    Reset reset() default Reset.AFTER_EACH_TEST;

    /**
     * Plain JUnit tests only: the Flyway locations of the shared ({@code public}) schema's migrations, which must
     * create the tenant and domain tables ({@code public.tenants} and {@code public.domains}). Spring tests use the
     * application's own migrations.
     */
    String[] sharedMigrations() default "classpath:db/migration/shared";

    /**
     * The Flyway locations of the tenant migrations. Spring tests use the application's setting
     * ({@code tenancy.migrations.tenant-locations}) instead, when the starter is present.
     */
    String[] tenantMigrations() default "classpath:db/migration/tenant";

    /**
     * Spring tests only: whether the application runs on a database of its own on the test PostgreSQL server
     * (created for each distinct application context and dropped when it closes). Set it to false to keep the
     * DataSource the application configures.
     */
    boolean testDatabase() default true;

    /** One tenant of a class that needs several, see {@link TenantTest#tenants()}. */
    @Target({})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface Tenant {

        /** The tenant's schema. */
        String schema();

        /** Its primary domain; empty derives it from the schema, as {@link TenantTest#domain()} does. */
        String domain() default "";

        /** Values for the application's own tenant columns, see {@link TenantTest#values()}. */
        String[] values() default {};
    }

    /** How long a test tenant lives. */
    enum Mode {
        /**
         * Created by the first class that needs it and reused by every later class asking for the same schema,
         * domain and values (like {@code FastTenantTestCase}); its data is reset between tests. Removed when the test
         * run ends, or earlier when its Spring application context closes.
         */
        REUSED,
        /**
         * Created, migrated and dropped for each class (like {@code TenantTestCase}); its data is also reset between
         * the class's tests.
         */
        FRESH
    }

    /** When a test tenant's data is reset to what its migrations created. */
    enum Reset {
        /** After each test: every test starts with the migrated tables. */
        AFTER_EACH_TEST,
        /**
         * After the class's last test only: what {@code @BeforeAll} methods or earlier tests write stays for the
         * later tests of the class.
         */
        AFTER_CLASS
    }
}
