package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.cli.CloneTenantCommand;
import dev.tenancy.boot.cli.CommandDispatcher;
import dev.tenancy.boot.cli.CreateDomainCommand;
import dev.tenancy.boot.cli.CreateMissingSchemasCommand;
import dev.tenancy.boot.cli.CreateTenantCommand;
import dev.tenancy.boot.cli.DeleteDomainCommand;
import dev.tenancy.boot.cli.DeleteTenantCommand;
import dev.tenancy.boot.cli.ListTenantsCommand;
import dev.tenancy.boot.cli.MigrateSchemasCommand;
import dev.tenancy.boot.cli.RenameSchemaCommand;
import dev.tenancy.boot.cli.RunInTenantsCommand;
import dev.tenancy.boot.cli.TenancyCommand;
import dev.tenancy.boot.cli.TenancyCommandRunner;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.provisioning.TenantProvisioner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Commands run as {@code java -jar app.jar <command> [--options]}: every {@link TenancyCommand} bean, dispatched by
 * the {@link CommandDispatcher} and started by the {@link TenancyCommandRunner}. Built in: {@code list-tenants} and
 * {@code tenant-command}; {@code migrate-schemas} (with a {@link TenantMigrator.Builder}); {@code create-tenant},
 * {@code clone-tenant}, {@code delete-tenant}, {@code rename-schema}, {@code create-missing-schemas},
 * {@code create-domain} and {@code delete-domain} (with a {@link TenantProvisioner}). Each backs off when the
 * application defines a bean of its class. Off with {@code tenancy.commands.enabled=false}.
 */
@AutoConfiguration(after = {TenancyAutoConfiguration.class, TenancyMigrationAutoConfiguration.class,
        TenancyProvisioningAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenancy.commands.enabled", matchIfMissing = true)
@ConditionalOnBean(TenantDirectory.class)
public final class TenancyCommandAutoConfiguration {

    /** Commands start with lazy beans; Tenancy's start-up migrations run all the same. */
    @Bean
    static LazyInitializationExcludeFilter tenancyStartupMigrationsEagerly() {
        return LazyInitializationExcludeFilter.forBeanTypes(TenancyMigrationInitializer.class);
    }

    @Bean
    @ConditionalOnMissingBean
    CommandDispatcher tenancyCommandDispatcher(ObjectProvider<TenancyCommand> commands) {
        return new CommandDispatcher(commands.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    TenancyCommandRunner tenancyCommandRunner(CommandDispatcher dispatcher, ApplicationContext context,
            TenancyProperties properties) {
        return new TenancyCommandRunner(dispatcher, context, properties.getCommands().isExitWhenDone());
    }

    @Bean
    @ConditionalOnMissingBean
    ListTenantsCommand listTenantsCommand(DataSource dataSource, TenantTables tables) {
        return new ListTenantsCommand(dataSource, tables);
    }

    @Bean
    @ConditionalOnMissingBean
    RunInTenantsCommand tenantCommand(ObjectProvider<CommandDispatcher> dispatcher, TenantDirectory directory,
            DataSource dataSource, TenantTables tables, TenancyProperties properties) {
        return new RunInTenantsCommand(dispatcher, directory, dataSource, tables,
                properties.getSchemas().getReserved());
    }

    /** {@code migrate-schemas}, building each run's migrator from the application's builder. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(TenantMigrator.Builder.class)
    static class MigrationCommands {

        @Bean
        @ConditionalOnMissingBean
        MigrateSchemasCommand migrateSchemasCommand(ObjectProvider<TenantMigrator.Builder> migrators,
                TenancyProperties properties) {
            return new MigrateSchemasCommand(migrators::getObject, properties.getSchemas().getReserved());
        }
    }

    /** The commands that change tenants and domains, all through the provisioner. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(TenantProvisioner.class)
    static class ProvisioningCommands {

        @Bean
        @ConditionalOnMissingBean
        CreateTenantCommand createTenantCommand(TenantProvisioner provisioner, TenancyProperties properties) {
            return new CreateTenantCommand(provisioner, properties.getSchemas().getReserved());
        }

        @Bean
        @ConditionalOnMissingBean
        CloneTenantCommand cloneTenantCommand(TenantProvisioner provisioner, TenancyProperties properties) {
            return new CloneTenantCommand(provisioner, properties.getSchemas().getReserved());
        }

        @Bean
        @ConditionalOnMissingBean
        DeleteTenantCommand deleteTenantCommand(TenantProvisioner provisioner, DataSource dataSource,
                TenantTables tables, TenancyProperties properties) {
            return new DeleteTenantCommand(provisioner, dataSource, tables, properties.getSchemas().getReserved());
        }

        @Bean
        @ConditionalOnMissingBean
        RenameSchemaCommand renameSchemaCommand(TenantProvisioner provisioner, TenancyProperties properties) {
            return new RenameSchemaCommand(provisioner, properties.getSchemas().getReserved());
        }

        @Bean
        @ConditionalOnMissingBean
        CreateMissingSchemasCommand createMissingSchemasCommand(TenantProvisioner provisioner) {
            return new CreateMissingSchemasCommand(provisioner);
        }

        @Bean
        @ConditionalOnMissingBean
        CreateDomainCommand createDomainCommand(TenantProvisioner provisioner, TenancyProperties properties) {
            return new CreateDomainCommand(provisioner, properties.getSchemas().getReserved(),
                    properties.getDomainSuffix());
        }

        @Bean
        @ConditionalOnMissingBean
        DeleteDomainCommand deleteDomainCommand(TenantProvisioner provisioner) {
            return new DeleteDomainCommand(provisioner);
        }
    }
}
