package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantTables;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import javax.sql.DataSource;

/**
 * Tenancy's start-up migrations, in place of Spring Boot's Flyway auto-migration (which would migrate one schema
 * with every script under {@code db/migration}, tenant scripts included).
 * {@link FlywayTakeoverEnvironmentPostProcessor} makes {@code spring.flyway.enabled} default to false; setting it to
 * true explicitly is refused here.
 *
 * <p>The {@link TenancyMigrationInitializer} runs the {@link StartupMigrations} bean with
 * {@code tenancy.migrations.on-startup}, and entity managers and JDBC templates wait for it.
 */
@AutoConfiguration(after = TenancyAutoConfiguration.class, beforeName = {
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class TenancyMigrationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StartupMigrations tenancyStartupMigrations(DataSource dataSource, ResourceLoader resourceLoader,
            TenancyProperties properties, TenantTables tables) {
        return new FlywayStartupMigrations(TenancyAutoConfiguration.tenantAware(dataSource).target(),
                resourceLoader.getClassLoader(), properties, tables);
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
