package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.provisioning.ProvisioningTransactions;
import dev.tenancy.core.provisioning.TenantListener;
import dev.tenancy.core.provisioning.TenantRequest.TenantNaming;
import dev.tenancy.core.provisioning.TenantProvisioner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Creating, deleting, renaming and cloning tenants: the {@link TenantProvisioner}, built on the application's pool
 * and {@link TenantMigrator}, named by {@code tenancy.domain-suffix} ({@link TenantNaming#conventional}), with
 * {@code tenancy.schemas.reserved}, {@code tenancy.provisioning.*}, the {@link TenantTables} and the
 * {@link TenantDirectory} (whose cache it evicts on every change). Every {@link TenantListener} bean is registered,
 * in {@code @Order}, and the {@link ProvisioningTransactions} bean when there is one. Also the {@link StartupRecovery}, which cleans up creations a crash interrupted. Each bean backs
 * off when the application defines its own.
 */
@AutoConfiguration(after = {TenancyAutoConfiguration.class, TenancyMigrationAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBean({TenantMigrator.class, TenantDirectory.class})
public final class TenancyProvisioningAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantProvisioner tenantProvisioner(DataSource dataSource, TenantMigrator migrator, TenantTables tables,
            TenantDirectory directory, TenancyProperties properties, ObjectProvider<TenantListener> listeners,
            ObjectProvider<ProvisioningTransactions> transactions) {
        TenancyProperties.Provisioning provisioning = properties.getProvisioning();
        TenantProvisioner.Builder builder = TenantProvisioner
                .builder(TenancyAutoConfiguration.tenantAware(dataSource), migrator)
                .tables(tables)
                .naming(naming(properties.getDomainSuffix()))
                .reservedSchemas(properties.getSchemas().getReserved().toArray(String[]::new))
                .reservedSubdomains(provisioning.getReservedSubdomains().toArray(String[]::new))
                .directory(directory)
                .historyTable(properties.getMigrations().getHistoryTable())
                .sharedSchema(properties.getSchemas().getShared())
                .audit(provisioning.isAudit());
        if (provisioning.isUseTemplate()) {
            builder.template(provisioning.getTemplateSchema());
        } else {
            builder.withoutTemplate();
        }
        listeners.orderedStream().forEach(builder::listener);
        transactions.ifAvailable(builder::transactions);
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    StartupRecovery tenancyStartupRecovery(TenantProvisioner provisioner, TenancyProperties properties) {
        return new StartupRecovery(provisioner, properties.getMigrations().getOnStartup());
    }

    private static TenantNaming naming(String domainSuffix) {
        try {
            return TenantNaming.conventional(domainSuffix == null ? "" : domainSuffix);
        } catch (InvalidInputException e) {
            throw new TenancyException("tenancy.domain-suffix must be the parent domain of tenants' subdomains, e.g. "
                    + "example.com (or localhost in development): " + e.getMessage(), e);
        }
    }
}
