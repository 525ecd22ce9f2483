package dev.tenancy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start-up checks stop a misconfigured application before its first request or command, with a message that
 * says what to fix: a database that is not PostgreSQL, SQL initialisation that would create tables in public, a
 * tenant table lacking a column Tenancy reads, and tenant roles with a login that may not create roles.
 */
@ExtendWith(TestDatabaseExtension.class)
class StartupChecksTest {

    private static TestDatabase database;
    private static JdbcTemplate jdbc;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceInitializationAutoConfiguration.class, TenancyAutoConfiguration.class,
                    TenancyMigrationAutoConfiguration.class, TenancyProvisioningAutoConfiguration.class,
                    TenancyRolesAutoConfiguration.class, TenancyStartupChecksAutoConfiguration.class));

    private ApplicationContextRunner onPostgres() {
        return runner.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + (database.password() == null ? "" : database.password()));
    }

    @BeforeAll
    static void setUp(TestDatabase testDatabase) {
        database = testDatabase;
        jdbc = new JdbcTemplate(testDatabase.unpooledDataSource());
    }

    @AfterEach
    void dropWhatTheStartsMade() {
        jdbc.execute("DROP SCHEMA public CASCADE");
        jdbc.execute("CREATE SCHEMA public");
    }

    @Test
    void aDataSourceThatIsNotPostgresqlIsRefusedByNameWithTheFix() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:refused").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageStartingWith("Tenancy needs PostgreSQL 13 or newer; this DataSource is H2 ")
                    .hasMessageContaining("Point spring.datasource.url at a PostgreSQL database")
                    .hasMessageContaining("tenancy.enabled=false");
        });
    }

    @Test
    void sqlInitialisationThatWouldCreateTablesInPublicIsRefusedBeforeAnythingRuns() {
        onPostgres().withPropertyValues("spring.sql.init.mode=always",
                "spring.sql.init.schema-locations=classpath:checks/scripts/schema.sql").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("spring.sql.init.mode=always would run schema.sql in the public "
                                    + "schema")
                            .hasMessageContaining("db/migration/tenant")
                            .hasMessageContaining("remove spring.sql.init.mode");
                });

        assertThat(jdbc.queryForObject("SELECT to_regclass('public.orders') IS NULL", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT to_regclass('public.tenants') IS NULL", Boolean.class)).isTrue();
    }

    @Test
    void aTenantTableLackingARequiredColumnIsNamedWithTheMigrationFolderToFix() {
        onPostgres().withPropertyValues("tenancy.migrations.shared-locations=classpath:checks/shared-incomplete")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("The table \"public\".\"tenants\" (your TenantMixin entity's) has "
                                    + "no column status, which Tenancy reads.")
                            .hasMessageContaining("The table \"public\".\"domains\" (your DomainMixin entity's) "
                                    + "does not exist after the shared migrations.")
                            .hasMessageContaining("classpath:checks/shared-incomplete");
                });
    }

    @Test
    void aCompleteSetUpStartsAndOnStartupNoneSkipsTheTableCheck() {
        onPostgres().run(context -> assertThat(context).hasNotFailed());
        jdbc.execute("DROP SCHEMA public CASCADE");
        jdbc.execute("CREATE SCHEMA public");

        onPostgres().withPropertyValues("tenancy.migrations.on-startup=none")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void tenantRolesWithALoginThatMayNotCreateRolesAreRefusedNamingTheRightBeforeTheMigrations() {
        jdbc.execute("DROP ROLE IF EXISTS startup_no_createrole; CREATE ROLE startup_no_createrole LOGIN "
                + "PASSWORD 'login'; GRANT CREATE ON SCHEMA public TO startup_no_createrole");
        try {
            String url = database.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
            runner.withPropertyValues("spring.datasource.url=" + url,
                    "spring.datasource.username=startup_no_createrole", "spring.datasource.password=login",
                    "tenancy.roles.enabled=true").run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .hasMessageStartingWith("Tenant roles need the login role 'startup_no_createrole' "
                                        + "to have CREATEROLE (or be a superuser)")
                                .hasMessageContaining("ALTER ROLE \"startup_no_createrole\" CREATEROLE")
                                .hasMessageContaining("tenancy.roles.enabled=false");
                    });

            assertThat(jdbc.queryForObject("SELECT to_regclass('public.tenants') IS NULL", Boolean.class)).isTrue();
        } finally {
            jdbc.execute("REVOKE CREATE ON SCHEMA public FROM startup_no_createrole; DROP ROLE startup_no_createrole");
        }
    }

    @Test
    void tenantRolesWithASuperuserLoginOnThisServerStart() {
        onPostgres().withPropertyValues("tenancy.roles.enabled=true", "tenancy.roles.prefix=startup_role_",
                "tenancy.roles.group=startup_tenant_roles").run(context -> assertThat(context).hasNotFailed());
    }
}
