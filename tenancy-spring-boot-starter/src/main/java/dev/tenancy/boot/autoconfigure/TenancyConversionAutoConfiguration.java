package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.cli.AdoptTenantCommand;
import dev.tenancy.core.provisioning.TenantProvisioner;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * What converting an existing application needs: the {@code adopt-tenant} command, which turns the existing tables
 * into the first tenant's ({@link TenantProvisioner#adopt}). Backs off when the application defines its own, and
 * with {@code tenancy.commands.enabled=false}.
 */
@AutoConfiguration(after = TenancyProvisioningAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBean(TenantProvisioner.class)
public final class TenancyConversionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "tenancy.commands.enabled", matchIfMissing = true)
    AdoptTenantCommand adoptTenantCommand(TenantProvisioner provisioner, TenancyProperties properties) {
        return new AdoptTenantCommand(provisioner, properties.getSchemas().getReserved());
    }
}
