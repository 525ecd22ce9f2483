package dev.tenancy.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tenancy.boot.autoconfigure.TenancyAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenancyMigrationAutoConfiguration;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.MigrationPlan.PendingMigration;
import dev.tenancy.core.migration.SchemaStatus.State;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The {@code tenants} endpoint and health contributor on a fleet of four: one up to date, one behind (its ledger row
 * gone), one whose schema is missing, and one PROVISIONING row no creation accounts for.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantsActuatorTest {

    private static TestDatabase database;

    private static WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        TenancyAutoConfiguration.class, TenancyMigrationAutoConfiguration.class,
                        TenancyActuatorAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                        "tenancy.migrations.on-startup=none");
    }

    @BeforeAll
    static void fleet(TestDatabase testDatabase) throws SQLException {
        database = testDatabase;
        TenantMigrator migrator = TenantMigrator.builder(database.unpooledDataSource()).build();
        migrator.migrateShared().throwIfFailed();
        sql("INSERT INTO public.tenants (schema_name, status, name) VALUES ('tenant_current', 'ACTIVE', 'Current'),"
                + " ('tenant_behind', 'ACTIVE', 'Behind'), ('tenant_gone', 'INACTIVE', 'Gone'),"
                + " ('tenant_stuck', 'PROVISIONING', 'Stuck');"
                + "INSERT INTO public.domains (domain, tenant_id, is_primary) SELECT d, id, p FROM public.tenants,"
                + " (VALUES ('current.example.com', true), ('current.example.org', false)) v (d, p)"
                + " WHERE schema_name = 'tenant_current'");
        migrator.migrate(SchemaName.of("tenant_current"));
        migrator.migrate(SchemaName.of("tenant_behind"));
        sql("DELETE FROM public.tenancy_schema_versions WHERE schema_name = 'tenant_behind'");
    }

    private static void sql(String sql) throws SQLException {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void theEndpointIsNotThereUntilExposed() {
        runner().run(context -> assertThat(context).doesNotHaveBean(TenantsEndpoint.class));
    }

    @Test
    void theEndpointListsEveryTenantWithItsStatusDomainsVersionAndMigrationState() {
        runner().withPropertyValues("management.endpoints.web.exposure.include=tenants").run(context -> {
            TenantsEndpoint.Fleet fleet = context.getBean(TenantsEndpoint.class).tenants();

            assertThat(fleet.total()).isEqualTo(4);
            assertThat(fleet.tenants()).extracting(TenantsEndpoint.Tenant::schema, TenantsEndpoint.Tenant::status,
                    TenantsEndpoint.Tenant::domains, TenantsEndpoint.Tenant::schemaVersion,
                    TenantsEndpoint.Tenant::migrations).containsExactly(
                    tuple("tenant_behind", "ACTIVE", List.of(), null, State.BEHIND),
                    tuple("tenant_current", "ACTIVE", List.of("current.example.com", "current.example.org"),
                            "1", State.UP_TO_DATE),
                    tuple("tenant_gone", "INACTIVE", List.of(), null, State.SCHEMA_MISSING),
                    tuple("tenant_stuck", "PROVISIONING", List.of(), null, State.PROVISIONING));
            assertThat(fleet.states()).containsEntry(State.BEHIND, 1).containsEntry(State.UP_TO_DATE, 1);
        });
    }

    @Test
    void oneTenantsDetailListsItsPendingMigrationsAndUnknownSchemasAreNotFound() {
        runner().withPropertyValues("management.endpoints.web.exposure.include=tenants").run(context -> {
            TenantsEndpoint endpoint = context.getBean(TenantsEndpoint.class);

            assertThat(endpoint.tenant("tenant_behind").pendingMigrations()).isEmpty();
            assertThat(endpoint.tenant("tenant_current").tenant().domains()).containsExactly("current.example.com",
                    "current.example.org");
            assertThat(endpoint.tenant("tenant_gone").pendingMigrations()).isNull();
            assertThat(endpoint.tenant("tenant_nobody")).isNull();
            assertThat(endpoint.tenant("Robert'); DROP TABLE tenants;--")).isNull();
        });
    }

    @Test
    void aTenantsDetailListsTheMigrationsItsSchemaHasNotHadYet() {
        runner().withPropertyValues("management.endpoints.web.exposure.include=tenants",
                "tenancy.migrations.tenant-locations=classpath:db/migration/tenant,classpath:db/actuator/tenant-later")
                .run(context -> {
                    TenantsEndpoint.TenantDetail current = context.getBean(TenantsEndpoint.class)
                            .tenant("tenant_current");

                    assertThat(current.tenant().schemaVersion()).isEqualTo("1");
                    assertThat(current.pendingMigrations()).extracting(PendingMigration::version,
                            PendingMigration::description).containsExactly(tuple("2", "tags"));
                });
    }

    @Test
    void healthIsUpWithTheFleetsProblemsCountedAndNamed() {
        runner().run(context -> {
            Health health = context.getBean("tenantsHealthIndicator", HealthIndicator.class).health(true);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("sharedSchema", "migrated").containsEntry("tenants", 4)
                    .containsEntry("behind", Map.of("count", 1, "first", List.of("tenant_behind")))
                    .containsEntry("failed", Map.of("count", 0, "first", List.of()))
                    .containsEntry("schemaMissing", Map.of("count", 1, "first", List.of("tenant_gone")));
            assertThat(health.getDetails().get("provisioningStale")).isEqualTo(Map.of("count", 1,
                    "first", List.of("tenant_stuck"), "olderThan", "PT10M"));
        });
    }

    @Test
    void healthIsDownWhileTheSharedSchemaHasPendingMigrations() {
        runner().withPropertyValues("tenancy.migrations.shared-locations=classpath:db/migration/shared,"
                + "classpath:db/actuator/shared-later").run(context -> {
                    Health health = context.getBean("tenantsHealthIndicator", HealthIndicator.class).health(true);

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("sharedSchema", "1 pending migrations");
                });
    }

    @Test
    void healthCanBeSwitchedOffLikeAnyOtherContributor() {
        runner().withPropertyValues("management.health.tenants.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("tenantsHealthIndicator"));
    }

    @Test
    void withoutActuatorNeitherTheEndpointNorTheHealthContributorExists() {
        runner().withClassLoader(new FilteredClassLoader(Endpoint.class, HealthIndicator.class))
                .withPropertyValues("management.endpoints.web.exposure.include=tenants")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TenantsEndpoint.class)
                        .doesNotHaveBean(TenantsHealthIndicator.class).hasSingleBean(TenantMigrator.class));
    }
}
