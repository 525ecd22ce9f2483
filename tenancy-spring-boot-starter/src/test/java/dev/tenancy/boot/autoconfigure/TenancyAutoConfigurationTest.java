package dev.tenancy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.cli.CommandDispatcher;
import dev.tenancy.boot.cli.CreateTenantCommand;
import dev.tenancy.boot.cli.MigrateSchemasCommand;
import dev.tenancy.boot.hibernate.TenancyHibernatePropertiesCustomizer;
import dev.tenancy.boot.web.TenantFilter;
import dev.tenancy.boot.web.TenantRequestResolver;
import dev.tenancy.boot.web.TenantResolution;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** The auto-configuration's conditions, on a database of its own and without the test application. */
@ExtendWith(TestDatabaseExtension.class)
class TenancyAutoConfigurationTest {

    private static final AutoConfigurations TENANCY = AutoConfigurations.of(DataSourceAutoConfiguration.class,
            TenancyAutoConfiguration.class, TenancyMigrationAutoConfiguration.class,
            TenancyProvisioningAutoConfiguration.class, TenancyHibernateAutoConfiguration.class,
            TenancyWebAutoConfiguration.class, TenancyCommandAutoConfiguration.class);

    private static TestDatabase database;

    @BeforeAll
    static void setUp(TestDatabase testDatabase) {
        database = testDatabase;
    }

    private static String[] properties(String... extra) {
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + database.jdbcUrl(),
                "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "tenancy.migrations.on-startup=none"));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(TENANCY).withPropertyValues(properties());

    @Test
    void everyTenancyBeanIsThereByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(TenantDirectory.class).hasSingleBean(StartupMigrations.class)
                    .hasSingleBean(TenancyMigrationInitializer.class).hasSingleBean(CommandDispatcher.class)
                    .hasSingleBean(TenancyHibernatePropertiesCustomizer.class).hasSingleBean(TenantMigrator.class)
                    .hasSingleBean(TenantProvisioner.class).hasSingleBean(StartupRecovery.class)
                    .hasSingleBean(MigrateSchemasCommand.class).hasSingleBean(CreateTenantCommand.class);
            assertThat(context.getBean(StartupMigrations.class)).isInstanceOf(MigratorStartupMigrations.class);
            assertThat(context.getBean(TenantMigrator.Builder.class))
                    .isNotSameAs(context.getBean(TenantMigrator.Builder.class));
            assertThat(context.getBean(DataSource.class)).isInstanceOf(TenantAwareDataSource.class);
            assertThat(context).doesNotHaveBean(TenantFilter.class).doesNotHaveBean("tenantFilter");
        });
    }

    @Test
    void tenancyEnabledFalseLeavesTheApplicationAlone() {
        runner.withPropertyValues("tenancy.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(TenantDirectory.class).doesNotHaveBean(StartupMigrations.class)
                    .doesNotHaveBean(CommandDispatcher.class).doesNotHaveBean(TenantMigrator.class)
                    .doesNotHaveBean(TenantProvisioner.class)
                    .doesNotHaveBean(TenancyHibernatePropertiesCustomizer.class);
            assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
        });
    }

    @Test
    void aBeanTheApplicationDefinesReplacesTheDefault() {
        List<MigrateOnStartup> migrations = new ArrayList<>();
        TenantMigrator migrator = TenantMigrator.builder(database.unpooledDataSource()).build();
        TenantProvisioner provisioner = TenantProvisioner.builder(database.unpooledDataSource(), migrator).build();
        runner.withPropertyValues("tenancy.migrations.on-startup=all")
                .withBean("myDirectory", TenantDirectory.class,
                        () -> TenantDirectory.builder(database.unpooledDataSource()).build())
                .withBean(StartupMigrations.class, () -> migrations::add)
                .withBean(TenantMigrator.class, () -> migrator)
                .withBean(TenantProvisioner.class, () -> provisioner)
                .withBean(StartupRecovery.class, () -> new StartupRecovery(provisioner, MigrateOnStartup.NONE))
                .run(context -> {
                    assertThat(context).hasSingleBean(TenantDirectory.class).hasBean("myDirectory")
                            .hasSingleBean(StartupMigrations.class).hasSingleBean(StartupRecovery.class);
                    assertThat(context.getBean(TenantMigrator.class)).isSameAs(migrator);
                    assertThat(context.getBean(TenantProvisioner.class)).isSameAs(provisioner);
                    assertThat(migrations).containsExactly(MigrateOnStartup.ALL);
                });
    }

    @Test
    void aDataSourceThatIsAlreadyTenantAwareIsNotWrappedAgain() {
        TenantAwareDataSource own = TenantAwareDataSource.wrap(database.unpooledDataSource());
        runner.withBean(DataSource.class, () -> own)
                .run(context -> assertThat(context.getBean(DataSource.class)).isSameAs(own));
    }

    @Test
    void springBootsFlywayCannotBeSwitchedBackOnBehindTenancysBack() {
        runner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues("spring.flyway.enabled=true", "tenancy.migrations.on-startup=shared")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("spring.flyway.enabled=true would let Spring Boot's Flyway");
                });
        assertThat(new JdbcTemplate(database.unpooledDataSource()).queryForObject(
                "SELECT to_regclass('public.flyway_schema_history')::text", String.class)).isNull();
    }

    @Test
    void theFilterRunsBeforeSpringSecurityInServletApplications() {
        new WebApplicationContextRunner().withConfiguration(TENANCY).withPropertyValues(properties()).run(context -> {
            FilterRegistrationBean<?> registration = context.getBean("tenantFilter", FilterRegistrationBean.class);
            assertThat(registration.getFilter()).isInstanceOf(TenantFilter.class);
            assertThat(registration.getOrder()).isLessThan(-100);
        });
    }

    @Test
    void anApplicationResolverReplacesTheBuiltInOne() {
        TenantRequestResolver own = request -> TenantResolution.publicSchema();
        new WebApplicationContextRunner().withConfiguration(TENANCY).withPropertyValues(properties())
                .withBean(TenantRequestResolver.class, () -> own)
                .run(context -> assertThat(context.getBean(TenantRequestResolver.class)).isSameAs(own));
    }
}
