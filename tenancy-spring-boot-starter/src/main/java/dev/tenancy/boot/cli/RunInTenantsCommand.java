package dev.tenancy.boot.cli;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import org.springframework.beans.factory.ObjectProvider;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * {@code tenant-command (--schema=NAME | --all-tenants) <command> [options]}: runs another command inside one
 * tenant's context, or inside each active tenant's in turn (django-tenants' {@code tenant_command} and
 * {@code all_tenants_command}). The inner command line is validated once, before anything runs. With
 * {@code --all-tenants} a tenant's failure does not stop the others; the exit code is non-zero if any failed.
 */
public final class RunInTenantsCommand implements TenancyCommand {

    private final ObjectProvider<CommandDispatcher> dispatcher;
    private final TenantDirectory directory;
    private final TenantRows tenants;
    private final Collection<String> reservedSchemas;

    /**
     * A command dispatching the inner command through {@code dispatcher} (looked up when it runs, since the
     * dispatcher holds this command too).
     */
    public RunInTenantsCommand(ObjectProvider<CommandDispatcher> dispatcher, TenantDirectory directory,
            DataSource dataSource, TenantTables tables, Collection<String> reservedSchemas) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.tenants = new TenantRows(dataSource, tables);
        this.reservedSchemas = List.copyOf(reservedSchemas);
    }

    @Override
    public String name() {
        return "tenant-command";
    }

    @Override
    public String description() {
        return "Runs a command inside one tenant (--schema) or inside every active tenant (--all-tenants).";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(
                CommandOption.optional("schema", "NAME", "the schema of the tenant to run the command in"),
                CommandOption.flag("all-tenants", "run the command in every active tenant, one after the other"));
    }

    @Override
    public String operands() {
        return "<command> [options]";
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) throws Exception {
        boolean allTenants = arguments.has("all-tenants");
        if (arguments.optionalValue("schema").isPresent() == allTenants) {
            throw new CommandUsageException("Give either --schema=NAME or --all-tenants.");
        }
        List<String> inner = arguments.operands();
        if (inner.isEmpty()) {
            throw new CommandUsageException("Name the command to run, e.g. tenant-command --all-tenants list-users.");
        }
        CommandDispatcher commands = dispatcher.getObject();
        TenancyCommand command = commands.find(inner.get(0)).filter(found -> found != this).orElseThrow(() ->
                new CommandUsageException("'" + inner.get(0) + "' is not a command that can run in tenants."));
        CommandArguments innerArguments;
        try {
            innerArguments = commands.parse(command, inner.subList(1, inner.size()));
        } catch (CommandUsageException e) {
            err.println(e.getMessage());
            commands.printUsage(command, err);
            return USAGE;
        }
        if (!allTenants) {
            SchemaName schema = arguments.schema("schema", reservedSchemas);
            if (directory.findBySchema(schema).isEmpty()) {
                err.println("No tenant has the schema '" + schema + "'. Run list-tenants to see the tenants.");
                return FAILURE;
            }
            return Tenants.call(schema, () -> commands.run(command, innerArguments, out, err));
        }
        List<SchemaName> schemas = activeTenants();
        List<SchemaName> failed = new ArrayList<>();
        for (SchemaName schema : schemas) {
            out.println("== " + schema + " ==");
            if (Tenants.call(schema, () -> commands.run(command, innerArguments, out, err)) != SUCCESS) {
                failed.add(schema);
            }
        }
        out.println("Ran " + command.name() + " in " + schemas.size() + " tenants; " + failed.size() + " failed"
                + (failed.isEmpty() ? "." : ": " + failed + "."));
        return failed.isEmpty() ? SUCCESS : FAILURE;
    }

    private List<SchemaName> activeTenants() throws SQLException {
        List<SchemaName> schemas = new ArrayList<>();
        for (TenantRows.TenantRow row : tenants.all()) {
            if (row.status() == TenantStatus.ACTIVE) {
                schemas.add(SchemaName.of(row.schema()));
            }
        }
        return schemas;
    }
}
