package dev.tenancy.boot.cli;

import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@code create-tenant (--subdomain=LABEL | --schema=NAME) [--domain=HOST ...] [--set=COLUMN=VALUE ...]
 * [--auto-drop-schema]}: creates a tenant through the {@link TenantProvisioner}, all or nothing: its row, its
 * domains and its schema (cloned from the template or migrated), with the application's {@code TenantListener}s.
 */
public final class CreateTenantCommand implements TenancyCommand {

    private final TenantProvisioner provisioner;
    private final Collection<String> reservedSchemas;

    /**
     * A command creating tenants through {@code provisioner}.
     *
     * @param reservedSchemas names no tenant schema may take
     */
    public CreateTenantCommand(TenantProvisioner provisioner, Collection<String> reservedSchemas) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        this.reservedSchemas = List.copyOf(reservedSchemas);
    }

    @Override
    public String name() {
        return "create-tenant";
    }

    @Override
    public String description() {
        return "Creates a tenant: its row, domains and migrated schema, all or nothing.";
    }

    @Override
    public List<CommandOption> options() {
        return TenantRequestOptions.options();
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        TenantRequest request = TenantRequestOptions.request(arguments, reservedSchemas);
        TenantInfo tenant = ProvisionerCalls.call(() -> provisioner.create(request));
        out.println("Created tenant " + TenantRequestOptions.describe(tenant) + ".");
        return SUCCESS;
    }
}
