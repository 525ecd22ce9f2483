package dev.tenancy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.cli.CommandDispatcher;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;
import dev.tenancy.core.seed.TenantSeeding.TenantSeeder;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code tenancy.seed.*}: the scripts of a folder in file-name order, then the application's {@link TenantSeeder}
 * beans, load into every new tenant as the provisioner creates it, and into an existing tenant with
 * {@code seed-tenant}.
 */
@ExtendWith(TestDatabaseExtension.class)
class SeedingAutoConfigurationTest {

    private static TestDatabase database;
    private static JdbcTemplate jdbc;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    TenancyAutoConfiguration.class, TenancyMigrationAutoConfiguration.class,
                    TenancyProvisioningAutoConfiguration.class, TenancyCommandAutoConfiguration.class,
                    TenancyConversionAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                    "spring.datasource.username=" + database.username(),
                    "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                    "tenancy.seed.locations=classpath:seed/tenant")
            .withBean("welcomeSeeder", TenantSeeder.class, SeedingAutoConfigurationTest::welcomeSeeder);

    private static TenantSeeder welcomeSeeder() {
        return tenant -> jdbc.update("INSERT INTO " + tenant.quoted() + ".notes (body) VALUES ('seeded by code')");
    }

    @BeforeAll
    static void setUp(TestDatabase testDatabase) {
        database = testDatabase;
        jdbc = new JdbcTemplate(testDatabase.unpooledDataSource());
    }

    @AfterEach
    void removeTheTenants() {
        if (jdbc.queryForObject("SELECT to_regclass('public.tenants') IS NOT NULL", Boolean.class)) {
            jdbc.update("DELETE FROM public.tenants");
        }
        jdbc.execute("DROP SCHEMA IF EXISTS tenant_acme CASCADE");
    }

    private List<String> notes() {
        return jdbc.queryForList("SELECT body FROM tenant_acme.notes ORDER BY id", String.class);
    }

    @Test
    void everyNewTenantGetsTheScriptsInFileNameOrderThenTheSeeders() {
        runner.run(context -> context.getBean(TenantProvisioner.class)
                .create(TenantRequest.subdomain("acme").value("name", "Acme")));

        assertThat(notes()).containsExactly("first seeded note", "second seeded note", "seeded by code");
    }

    @Test
    void seedTenantSeedsAnExistingTenantAndOnCreateFalseLeavesNewOnesEmpty() {
        runner.withPropertyValues("tenancy.seed.on-create=false").run(context -> {
            context.getBean(TenantProvisioner.class).create(TenantRequest.subdomain("acme").value("name", "Acme"));
            assertThat(notes()).isEmpty();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = context.getBean(CommandDispatcher.class).execute(List.of("seed-tenant", "--schema=tenant_acme"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

            assertThat(code).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Seeded tenant_acme: 2 script(s) "
                    + "(classpath:seed/tenant/V1__first.sql, classpath:seed/tenant/V2__second.sql), 1 seeder(s).");
        });

        assertThat(notes()).containsExactly("first seeded note", "second seeded note", "seeded by code");
    }
}
