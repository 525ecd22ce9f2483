package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.cli.AdoptTenantCommand;
import dev.tenancy.boot.cli.SeedTenantCommand;
import dev.tenancy.boot.seed.SeedScripts;
import dev.tenancy.core.provisioning.TenantListener;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.seed.TenantSeeding.TenantSeeder;
import dev.tenancy.core.seed.TenantSeeding;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

import javax.sql.DataSource;

/**
 * What converting an existing application needs, and filling tenants with data:
 * <ul>
 * <li>{@link TenantSeeding}: the scripts of {@code tenancy.seed.locations}, then every {@link TenantSeeder} bean (in
 * {@code @Order}); with {@code tenancy.seed.on-create} (the default) a {@link TenantListener} seeds every new tenant
 * as the provisioner creates it;</li>
 * <li>the {@code adopt-tenant} command, which turns the existing tables into the first tenant's
 * ({@link TenantProvisioner#adopt}), and the {@code seed-tenant} command, which seeds an existing tenant.</li>
 * </ul>
 * Each bean backs off when the application defines its own; the commands are off with
 * {@code tenancy.commands.enabled=false}.
 */
@AutoConfiguration(after = TenancyProvisioningAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBean(TenantProvisioner.class)
@EnableConfigurationProperties(TenancySeedProperties.class)
public final class TenancyConversionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantSeeding tenantSeeding(DataSource dataSource, TenancySeedProperties properties,
            ResourcePatternResolver resources, ObjectProvider<TenantSeeder> seeders) {
        TenantSeeding.Builder builder = TenantSeeding.builder(TenancyAutoConfiguration.tenantAware(dataSource))
                .scripts(SeedScripts.load(resources, properties.getLocations()));
        seeders.orderedStream().forEach(builder::seeder);
        return builder.build();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "tenancy.seed.on-create", matchIfMissing = true)
    TenantListener tenancySeedOnCreate(TenantSeeding seeding) {
        return seeding.onCreate();
    }

    /** The conversion commands. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "tenancy.commands.enabled", matchIfMissing = true)
    static class ConversionCommands {

        @Bean
        @ConditionalOnMissingBean
        AdoptTenantCommand adoptTenantCommand(TenantProvisioner provisioner, TenancyProperties properties) {
            return new AdoptTenantCommand(provisioner, properties.getSchemas().getReserved());
        }

        @Bean
        @ConditionalOnMissingBean
        SeedTenantCommand seedTenantCommand(TenantSeeding seeding, TenancyProperties properties) {
            return new SeedTenantCommand(seeding, properties.getSchemas().getReserved());
        }
    }
}
