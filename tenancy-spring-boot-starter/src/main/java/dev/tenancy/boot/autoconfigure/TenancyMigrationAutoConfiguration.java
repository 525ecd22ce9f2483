package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.migration.TenantMigrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/**
 * Tenancy's migrations, in place of Spring Boot's Flyway auto-migration (which would migrate one schema with every
 * script under {@code db/migration}, tenant scripts included). {@link FlywayTakeoverEnvironmentPostProcessor} makes
 * {@code spring.flyway.enabled} default to false; setting it to true explicitly is refused here.
 *
 * <ul>
 * <li>{@link TenantMigrator.Builder}: a prototype bean, a new builder on the application's pool for every injection,
 * configured from {@code tenancy.migrations.*} and {@code tenancy.schemas.shared}, then by every
 * {@link TenantMigratorCustomizer} bean. The {@code migrate-schemas} command builds its runs from it, so an
 * application's own builder bean must be prototype-scoped too.</li>
 * <li>{@link TenantMigrator}: built from that builder; it migrates at start-up and builds new tenants' schemas.</li>
 * <li>{@link StartupMigrations}: the migrator's {@code migrateShared()} or {@code migrateAll()}.</li>
 * <li>{@link TenancyMigrationInitializer}: runs the start-up migrations with {@code tenancy.migrations.on-startup};
 * entity managers and JDBC templates wait for it.</li>
 * </ul>
 * Each backs off when the application defines its own.
 */
@AutoConfiguration(after = TenancyAutoConfiguration.class, beforeName = {
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class TenancyMigrationAutoConfiguration {

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @ConditionalOnMissingBean
    TenantMigrator.Builder tenantMigratorBuilder(DataSource dataSource, TenantTables tables,
            TenancyProperties properties, ObjectProvider<TenantMigratorCustomizer> customizers) {
        TenancyMigrationProperties migrations = properties.getMigrations();
        TenantMigrator.Builder builder = TenantMigrator.builder(TenancyAutoConfiguration.tenantAware(dataSource))
                .tables(tables)
                .sharedSchema(properties.getSchemas().getShared())
                .sharedLocations(migrations.getSharedLocations().toArray(String[]::new))
                .tenantLocations(migrations.getTenantLocations().toArray(String[]::new))
                .historyTable(migrations.getHistoryTable())
                .lockWait(migrations.getLockWait());
        if (migrations.getParallelism() != null) {
            builder.parallelism(migrations.getParallelism());
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    @Bean
    @ConditionalOnMissingBean
    TenantMigrator tenantMigrator(TenantMigrator.Builder builder) {
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    StartupMigrations tenancyStartupMigrations(TenantMigrator migrator) {
        return new MigratorStartupMigrations(migrator);
    }

    @Bean
    @ConditionalOnMissingBean
    TenancyMigrationInitializer tenancyMigrationInitializer(StartupMigrations migrations,
            TenancyProperties properties, Environment environment) {
        if (environment.getProperty("spring.flyway.enabled", Boolean.class, false)) {
            throw new TenancyException("spring.flyway.enabled=true would let Spring Boot's Flyway migrate the "
                    + "database a second time, into one schema, with tenant scripts too. Tenancy runs the "
                    + "migrations (tenancy.migrations.*): remove spring.flyway.enabled, or set tenancy.enabled=false "
                    + "to use Spring Boot's Flyway without Tenancy.");
        }
        return new TenancyMigrationInitializer(migrations, properties.getMigrations().getOnStartup());
    }
}
