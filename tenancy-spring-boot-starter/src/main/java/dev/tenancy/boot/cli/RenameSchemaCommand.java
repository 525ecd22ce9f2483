package dev.tenancy.boot.cli;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.provisioning.TenantProvisioner;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@code rename-schema --from=NAME --to=NAME}: renames a tenant's schema and its row's {@code schema_name} in one
 * transaction. Sessions working in the old schema at that moment fail, so rename inactive tenants or in quiet hours.
 */
public final class RenameSchemaCommand implements TenancyCommand {

    private final TenantProvisioner provisioner;
    private final Collection<String> reservedSchemas;

    /**
     * A command renaming schemas through {@code provisioner}.
     *
     * @param reservedSchemas names no tenant schema may take
     */
    public RenameSchemaCommand(TenantProvisioner provisioner, Collection<String> reservedSchemas) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        this.reservedSchemas = List.copyOf(reservedSchemas);
    }

    @Override
    public String name() {
        return "rename-schema";
    }

    @Override
    public String description() {
        return "Renames a tenant's schema (and its tenant row) in one transaction.";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(
                CommandOption.required("from", "NAME", "the tenant's current schema"),
                CommandOption.required("to", "NAME", "its new schema name"));
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        SchemaName from = arguments.schema("from", reservedSchemas);
        SchemaName to = arguments.schema("to", reservedSchemas);
        if (from.equals(to)) {
            throw new CommandUsageException("--from and --to name the same schema '" + from + "'.");
        }
        ProvisionerCalls.run(() -> provisioner.renameSchema(from, to, ProvisionerCalls.actor()));
        out.println("Renamed schema " + from + " to " + to + ".");
        return SUCCESS;
    }
}
