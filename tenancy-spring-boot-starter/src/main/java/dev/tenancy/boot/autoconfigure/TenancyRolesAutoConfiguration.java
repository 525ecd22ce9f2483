package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.cli.EnableTenantRolesCommand;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.roles.TenantRoles;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tenant roles ({@code tenancy.roles.enabled=true}): the {@link TenantRoles} bean, which the application's
 * tenant-aware DataSource picks up so that every connection serving a tenant runs as that tenant's PostgreSQL role
 * (and the provisioner creates, renames and drops the roles with the tenants), and the {@code enable-tenant-roles}
 * command that switches an existing fleet on. Each bean backs off when the application defines its own.
 */
@AutoConfiguration(after = TenancyProvisioningAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenancy.roles.enabled")
@EnableConfigurationProperties(TenancyRolesProperties.class)
public final class TenancyRolesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    static TenantRoles tenantRoles(TenancyRolesProperties properties) {
        return TenantRoles.of(properties.getPrefix(), properties.getGroup());
    }

    /** The command that switches an existing fleet to tenant roles. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "tenancy.commands.enabled", matchIfMissing = true)
    @ConditionalOnBean(TenantProvisioner.class)
    static class RolesCommand {

        @Bean
        @ConditionalOnMissingBean
        EnableTenantRolesCommand enableTenantRolesCommand(TenantProvisioner provisioner) {
            return new EnableTenantRolesCommand(provisioner);
        }
    }
}
