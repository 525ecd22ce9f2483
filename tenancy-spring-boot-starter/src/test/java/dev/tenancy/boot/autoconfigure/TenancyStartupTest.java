package dev.tenancy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.migration.MigrationListener;
import dev.tenancy.core.migration.MigrationTarget;
import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantListener;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;
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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What happens at start-up through the migrator and the provisioner, on a database of its own: the shared migration
 * (and with {@code on-startup=all} every tenant's), the clean-up of interrupted creations, and the provisioner's
 * settings and listener beans.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenancyStartupTest {

    private static TestDatabase database;
    private static JdbcTemplate jdbc;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    TenancyAutoConfiguration.class, TenancyMigrationAutoConfiguration.class,
                    TenancyProvisioningAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                    "spring.datasource.username=" + database.username(),
                    "spring.datasource.password=" + (database.password() == null ? "" : database.password()));

    @BeforeAll
    static void setUp(TestDatabase testDatabase) {
        database = testDatabase;
        jdbc = new JdbcTemplate(testDatabase.unpooledDataSource());
    }

    @AfterEach
    void removeTheTenantsMade() {
        if (jdbc.queryForObject("SELECT to_regclass('public.tenants') IS NOT NULL", Boolean.class)) {
            jdbc.update("DELETE FROM public.tenants");
        }
        for (String schema : List.of("tenant_a", "tenant_crashed", "tenant_heard", "tenant_acme")) {
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Starts the application once with the default settings, which migrates the shared schema. */
    private void startOnce() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    private boolean exists(String relation) {
        return jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, relation);
    }

    @Test
    void theSharedSchemaIsMigratedOnceAtStartUpThroughTheMigratorAndItsCustomizers() {
        List<String> migrated = new CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void beforeSchema(MigrationTarget target) {
                migrated.add(target.schema());
            }
        };

        runner.withBean(TenantMigratorCustomizer.class, () -> builder -> builder.listener(listener))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(TenantProvisioner.class));
        startOnce();

        assertThat(migrated).containsExactly("public");
        assertThat(jdbc.queryForList("SELECT version FROM public.flyway_schema_history ORDER BY installed_rank",
                String.class)).containsExactly("1", "2");
    }

    @Test
    void onStartupAllAlsoMigratesEveryTenantSchema() {
        startOnce();
        jdbc.update("INSERT INTO public.tenants (schema_name, status, name) VALUES ('tenant_a', 'ACTIVE', 'A')");
        jdbc.execute("CREATE SCHEMA tenant_a");

        runner.withPropertyValues("tenancy.migrations.on-startup=all")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(exists("tenant_a.notes")).isTrue();
        assertThat(jdbc.queryForList("SELECT schema_name FROM public.tenancy_schema_versions", String.class))
                .containsExactly("tenant_a");
    }

    @Test
    void onStartupAllStopsTheStartWhenATenantFailsAndNamesIt() {
        startOnce();
        jdbc.update("INSERT INTO public.tenants (schema_name, status, name) VALUES ('tenant_gone', 'ACTIVE', 'G')");

        runner.withPropertyValues("tenancy.migrations.on-startup=all").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("Start-up migrations (tenancy.migrations.on-startup=all) failed")
                    .hasMessageContaining("1 missing")
                    .hasMessageContaining("tenant_gone");
        });
    }

    @Test
    void whatACrashedCreationLeftBehindIsRemovedAtTheNextStart() {
        startOnce();
        Long id = jdbc.queryForObject("INSERT INTO public.tenants (schema_name, status, name) "
                + "VALUES ('tenant_crashed', 'PROVISIONING', 'C') RETURNING id", Long.class);
        jdbc.update("INSERT INTO public.domains (domain, tenant_id, is_primary) "
                + "VALUES ('crashed.example.com', ?, true)", id);
        jdbc.execute("CREATE SCHEMA tenant_crashed");
        jdbc.update("INSERT INTO public.tenancy_provisioning (schema_name, tenant_id, actor) "
                + "VALUES ('tenant_crashed', ?, 'crashed-process')", id);

        startOnce();

        assertThat(jdbc.queryForList("SELECT schema_name FROM public.tenants", String.class)).isEmpty();
        assertThat(jdbc.queryForList("SELECT domain FROM public.domains", String.class)).isEmpty();
        assertThat(jdbc.queryForList("SELECT schema_name FROM public.tenancy_provisioning", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = 'tenant_crashed'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT outcome FROM public.tenancy_audit WHERE action = 'RECOVER' "
                + "AND schema_name = 'tenant_crashed'", String.class)).containsExactly("SUCCESS");
    }

    @Test
    void onStartupNoneNeitherMigratesNorRecovers() {
        runner.withPropertyValues("tenancy.migrations.on-startup=none", "tenancy.schemas.shared=untouched")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = 'untouched'",
                Integer.class)).isZero();
    }

    @Test
    void theProvisionerFollowsTheSettingsAndTellsTheApplicationsListeners() {
        List<String> heard = new CopyOnWriteArrayList<>();
        TenantListener listener = new TenantListener() {
            @Override
            public void beforeCreate(TenantInfo tenant) {
                heard.add("beforeCreate " + tenant.schema() + " " + tenant.domains());
            }

            @Override
            public void afterCreate(TenantInfo tenant) {
                heard.add("afterCreate " + tenant.schema());
            }
        };

        runner.withPropertyValues("tenancy.domain-suffix=example.com", "tenancy.provisioning.use-template=false",
                "tenancy.provisioning.reserved-subdomains=www,admin")
                .withBean(TenantListener.class, () -> listener)
                .run(context -> {
                    TenantProvisioner provisioner = context.getBean(TenantProvisioner.class);
                    assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("WWW").value("name", "W")))
                            .isInstanceOf(InvalidInputException.class).hasMessageContaining("reserved");
                    provisioner.create(TenantRequest.subdomain("acme").value("name", "Acme"));
                });

        assertThat(heard).containsExactly("beforeCreate tenant_acme [acme.example.com]", "afterCreate tenant_acme");
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname IN ('tenant_acme', "
                + "'_tenancy_template') ORDER BY 1", String.class)).containsExactly("tenant_acme");
        assertThat(jdbc.queryForList("SELECT action, actor FROM public.tenancy_audit WHERE schema_name = "
                + "'tenant_acme'")).containsExactly(Map.of("action", "CREATE", "actor", "system"));
    }
}
