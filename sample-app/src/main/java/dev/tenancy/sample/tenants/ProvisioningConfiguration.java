package dev.tenancy.sample.tenants;

import dev.tenancy.boot.autoconfigure.TenancyProperties;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.provisioning.TenantNaming;
import dev.tenancy.core.provisioning.TenantProvisioner;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import javax.sql.DataSource;

/**
 * Tenancy's migrator and provisioning service, configured from {@code tenancy.*}: new tenants are named
 * {@code tenant_<subdomain>} at {@code <subdomain>.<tenancy.domain-suffix>} and their schemas built with the tenant
 * migrations (cloned from a migrated template schema when possible).
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfiguration {

    private static final Log log = LogFactory.getLog(ProvisioningConfiguration.class);

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

    /** The provisioning service; registrations a crash cut short are removed as it starts. */
    @Bean
    @DependsOnDatabaseInitialization
    TenantProvisioner tenantProvisioner(DataSource dataSource, TenantMigrator migrator, TenantTables tables,
            TenantDirectory directory, TenancyProperties tenancy) {
        TenantProvisioner provisioner = TenantProvisioner.builder(dataSource, migrator)
                .tables(tables)
                .sharedSchema(tenancy.getSchemas().getShared())
                .naming(TenantNaming.conventional(tenancy.getDomainSuffix()))
                .reservedSchemas(tenancy.getSchemas().getReserved().toArray(String[]::new))
                .directory(directory)
                .build();
        List<SchemaName> removed = provisioner.recoverInterrupted();
        if (!removed.isEmpty()) {
            log.warn("Removed what interrupted tenant registrations left behind: " + removed);
        }
        return provisioner;
    }
}
