package dev.tenancy.boot.actuate;

import dev.tenancy.boot.autoconfigure.TenancyAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenancyMigrationAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenancyProperties;
import dev.tenancy.core.SqlIdentifiers;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.migration.TenantMigrator;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Actuator for Tenancy, when Actuator is on the class path: the {@link TenantsEndpoint} (created only when the
 * endpoint is available, i.e. enabled and exposed) and the {@link TenantsHealthIndicator} ({@code tenants}, off with
 * {@code management.health.tenants.enabled=false}). Each backs off when the application defines its own bean.
 */
@AutoConfiguration(after = {TenancyAutoConfiguration.class, TenancyMigrationAutoConfiguration.class})
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBean({TenantMigrator.class, TenantTables.class, DataSource.class})
@EnableConfigurationProperties(TenancyHealthProperties.class)
public final class TenancyActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    TenantsEndpoint tenantsEndpoint(TenantMigrator migrator, DataSource dataSource, TenantTables tables,
            TenancyProperties properties) {
        return new TenantsEndpoint(migrator, reader(dataSource, tables, properties));
    }

    static FleetReader reader(DataSource dataSource, TenantTables tables, TenancyProperties properties) {
        return new FleetReader(dataSource, tables, SqlIdentifiers.quote(properties.getSchemas().getShared(),
                "shared schema") + ".\"tenancy_provisioning\"");
    }

    /** The health contributor, when Boot's health support is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("tenants")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "tenantsHealthIndicator")
        TenantsHealthIndicator tenantsHealthIndicator(TenantMigrator migrator, DataSource dataSource,
                TenantTables tables, TenancyProperties properties, TenancyHealthProperties health) {
            return new TenantsHealthIndicator(migrator, reader(dataSource, tables, properties), health);
        }
    }
}
