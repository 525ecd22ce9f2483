package dev.tenancy.boot.cli;

import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantProvisioner.RoleResult;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * {@code enable-tenant-roles}: switches an existing fleet to tenant roles ({@code tenancy.roles.enabled=true}): for
 * every tenant whose schema exists, makes its PostgreSQL role when missing and grants it its schema, each tenant in a
 * transaction of its own; prints one line per tenant. Safe to run again: tenants already done change nothing. The
 * exit code is non-zero when any tenant failed; fix the cause it names and run it again.
 */
public final class EnableTenantRolesCommand implements TenancyCommand {

    private final TenantProvisioner provisioner;

    /** A command enabling tenant roles through {@code provisioner}. */
    public EnableTenantRolesCommand(TenantProvisioner provisioner) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
    }

    @Override
    public String name() {
        return "enable-tenant-roles";
    }

    @Override
    public String description() {
        return "Gives every existing tenant its PostgreSQL role and grants it its schema (tenancy.roles.enabled).";
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        List<RoleResult> results = provisioner.enableTenantRoles(ProvisionerCalls.actor());
        int failed = 0;
        for (RoleResult result : results) {
            if (result.succeeded()) {
                out.println(result.schema() + ": " + (result.created() ? "role created and granted"
                        : "role granted (it existed)"));
            } else {
                failed++;
                err.println(result.schema() + ": FAILED: " + result.error());
            }
        }
        out.println((results.size() - failed) + " of " + results.size() + (results.size() == 1 ? " tenant" : " tenants")
                + " ready with tenant roles" + (failed == 0 ? "." : "; " + failed + " failed: fix the causes above and "
                + "run enable-tenant-roles again."));
        return failed == 0 ? SUCCESS : FAILURE;
    }
}
