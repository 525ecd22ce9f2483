package dev.tenancy.boot.cli;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@code clone-tenant --from=NAME (--subdomain=LABEL | --schema=NAME) [--domain=HOST ...] [--set=COLUMN=VALUE ...]
 * [--auto-drop-schema] [--with-data]}: creates a tenant as a copy of another one's schema (structure and migration
 * history; every row too with {@code --with-data}), all or nothing like {@code create-tenant}. The new tenant's own
 * columns are not copied: give them with {@code --set}.
 */
public final class CloneTenantCommand implements TenancyCommand {

    private final TenantProvisioner provisioner;
    private final Collection<String> reservedSchemas;

    /**
     * A command cloning tenants through {@code provisioner}.
     *
     * @param reservedSchemas names no tenant schema may take
     */
    public CloneTenantCommand(TenantProvisioner provisioner, Collection<String> reservedSchemas) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        this.reservedSchemas = List.copyOf(reservedSchemas);
    }

    @Override
    public String name() {
        return "clone-tenant";
    }

    @Override
    public String description() {
        return "Creates a tenant as a copy of another tenant's schema (and its rows with --with-data).";
    }

    @Override
    public List<CommandOption> options() {
        List<CommandOption> options = new ArrayList<>();
        options.add(CommandOption.required("from", "NAME", "the schema of the tenant to copy"));
        options.addAll(TenantRequestOptions.options());
        options.add(CommandOption.flag("with-data", "copy every row as well, read in one snapshot"));
        return options;
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        SchemaName source = arguments.schema("from", reservedSchemas);
        TenantRequest request = TenantRequestOptions.request(arguments, reservedSchemas);
        boolean withData = arguments.has("with-data");
        TenantInfo tenant = ProvisionerCalls.call(() -> provisioner.cloneTenant(source, request, withData));
        out.println("Created tenant " + TenantRequestOptions.describe(tenant) + " as a copy of " + source
                + (withData ? ", rows included." : ", without its rows."));
        return SUCCESS;
    }
}
