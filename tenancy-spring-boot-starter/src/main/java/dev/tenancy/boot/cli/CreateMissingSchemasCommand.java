package dev.tenancy.boot.cli;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.provisioning.TenantProvisioner;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * {@code create-missing-schemas}: builds the schema of every tenant row whose {@code auto_create_schema} is set but
 * whose schema does not exist (rows written by the application or restored from a backup). Each tenant is
 * independent; the exit code is non-zero when any failed.
 */
public final class CreateMissingSchemasCommand implements TenancyCommand {

    private final TenantProvisioner provisioner;

    /** A command building schemas through {@code provisioner}. */
    public CreateMissingSchemasCommand(TenantProvisioner provisioner) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
    }

    @Override
    public String name() {
        return "create-missing-schemas";
    }

    @Override
    public String description() {
        return "Builds the schema of every tenant row (with auto_create_schema) whose schema is missing.";
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        List<SchemaName> created = provisioner.createMissingSchemas(ProvisionerCalls.actor());
        out.println(created.isEmpty() ? "Every tenant has its schema; nothing to create."
                : "Created " + created.size() + (created.size() == 1 ? " schema: " : " schemas: ") + created + ".");
        return SUCCESS;
    }
}
