package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.cli.CommandDispatcher;
import dev.tenancy.boot.cli.CreateDomainCommand;
import dev.tenancy.boot.cli.DeleteDomainCommand;
import dev.tenancy.boot.cli.ListTenantsCommand;
import dev.tenancy.boot.cli.RunInTenantsCommand;
import dev.tenancy.boot.cli.TenancyCommand;
import dev.tenancy.boot.cli.TenancyCommandRunner;
import dev.tenancy.core.directory.DomainStore;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.directory.TenantTables;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Commands run as {@code java -jar app.jar <command> [--options]}: every {@link TenancyCommand} bean, dispatched by
 * the {@link CommandDispatcher} and started by the {@link TenancyCommandRunner}. Built in: {@code list-tenants},
 * {@code create-domain}, {@code delete-domain} and {@code tenant-command}; each backs off when the application
 * defines a bean of its class. Off with {@code tenancy.commands.enabled=false}.
 */
@AutoConfiguration(after = TenancyAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenancy.commands.enabled", matchIfMissing = true)
@ConditionalOnBean(TenantDirectory.class)
public final class TenancyCommandAutoConfiguration {

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
    CreateDomainCommand createDomainCommand(DataSource dataSource, DomainStore domains, TenantDirectory directory,
            TenancyProperties properties) {
        return new CreateDomainCommand(dataSource, domains, directory, properties.getSchemas().getReserved(),
                properties.getDomainSuffix());
    }

    @Bean
    @ConditionalOnMissingBean
    DeleteDomainCommand deleteDomainCommand(DataSource dataSource, DomainStore domains, TenantDirectory directory) {
        return new DeleteDomainCommand(dataSource, domains, directory);
    }

    @Bean
    @ConditionalOnMissingBean
    RunInTenantsCommand tenantCommand(ObjectProvider<CommandDispatcher> dispatcher, TenantDirectory directory,
            DataSource dataSource, TenantTables tables, TenancyProperties properties) {
        return new RunInTenantsCommand(dispatcher, directory, dataSource, tables,
                properties.getSchemas().getReserved());
    }
}
