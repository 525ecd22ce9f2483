package dev.tenancy.boot.cli;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.provisioning.TenantProvisioner;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * {@code delete-tenant --schema=NAME [--drop-schema] [--yes]}: by default deactivates the tenant (INACTIVE: its
 * schema and rows are kept, its hosts no longer served), which can be undone. Dropping the schema and the tenant's
 * rows cannot, so it needs {@code --yes} as well: with {@code --drop-schema}, and also for a tenant whose
 * {@code auto_drop_schema} is set (the provisioner drops those on every deletion).
 */
public final class DeleteTenantCommand implements TenancyCommand {

    private final TenantProvisioner provisioner;
    private final TenantRows tenants;
    private final Collection<String> reservedSchemas;

    /**
     * A command deleting tenants through {@code provisioner}, reading the tenant table through {@code dataSource}.
     *
     * @param reservedSchemas names no tenant schema may take
     */
    public DeleteTenantCommand(TenantProvisioner provisioner, DataSource dataSource, TenantTables tables,
            Collection<String> reservedSchemas) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        this.tenants = new TenantRows(dataSource, tables);
        this.reservedSchemas = List.copyOf(reservedSchemas);
    }

    @Override
    public String name() {
        return "delete-tenant";
    }

    @Override
    public String description() {
        return "Deactivates a tenant; with --drop-schema --yes, drops its schema and rows for good.";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(
                CommandOption.required("schema", "NAME", "the tenant's schema"),
                CommandOption.flag("drop-schema", "drop its schema and rows instead of deactivating it"),
                CommandOption.flag("yes", "confirm that the schema and its data are to be dropped"));
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) throws Exception {
        SchemaName schema = arguments.schema("schema", reservedSchemas);
        boolean confirmed = arguments.has("yes");
        String actor = ProvisionerCalls.actor();
        if (arguments.has("drop-schema")) {
            if (!confirmed) {
                throw new CommandUsageException("--drop-schema drops the schema " + schema + " and every row in it "
                        + "for good; add --yes to confirm.");
            }
            provisioner.deleteAndDropSchema(schema, actor);
            out.println("Deleted tenant " + schema + " and dropped its schema.");
            return SUCCESS;
        }
        if (!confirmed && tenants.find(schema).map(TenantRows.TenantRow::autoDropSchema).orElse(false)) {
            throw new CommandUsageException("Tenant " + schema + " has auto_drop_schema set, so deleting it drops its "
                    + "schema and every row in it for good; add --yes to confirm.");
        }
        if (provisioner.delete(schema, actor)) {
            out.println("Deleted tenant " + schema + " and dropped its schema (auto_drop_schema).");
        } else {
            out.println("Deactivated tenant " + schema + ": its schema and rows are kept, its domains are no longer "
                    + "served.");
        }
        return SUCCESS;
    }
}
