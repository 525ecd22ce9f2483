package dev.tenancy.sample.tenants;

import dev.tenancy.boot.autoconfigure.TenancyProperties;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.migration.TenantMigrator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** Tenancy's migrator, with the locations of {@code tenancy.migrations.*}: it builds each new tenant's schema. */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    @Bean
    TenantMigrator tenantMigrator(DataSource dataSource, TenantTables tables, TenancyProperties tenancy) {
        TenancyProperties.Migrations migrations = tenancy.getMigrations();
        return TenantMigrator.builder(dataSource)
                .tables(tables)
                .sharedSchema(tenancy.getSchemas().getShared())
                .sharedLocations(migrations.getSharedLocations().toArray(String[]::new))
                .tenantLocations(migrations.getTenantLocations().toArray(String[]::new))
                .build();
    }
}
