package dev.tenancy.boot.cli;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.provisioning.TenantProvisioner;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * {@code delete-domain --domain=HOST}: removes a host name from its tenant through the {@link TenantProvisioner}
 * (audited, and the tenant directory forgets the host). When it was the primary domain, the tenant's oldest
 * remaining domain becomes primary.
 */
public final class DeleteDomainCommand implements TenancyCommand {

    private final TenantProvisioner provisioner;

    /** A command removing domains through {@code provisioner}. */
    public DeleteDomainCommand(TenantProvisioner provisioner) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
    }

    @Override
    public String name() {
        return "delete-domain";
    }

    @Override
    public String description() {
        return "Removes a host name from its tenant.";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("domain", "HOST", "the host name to remove"));
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        String host;
        try {
            host = TenantDirectory.normaliseHost(arguments.value("domain"));
        } catch (InvalidInputException e) {
            throw new CommandUsageException(e.getMessage());
        }
        if (!provisioner.removeDomain(host, ProvisionerCalls.actor())) {
            err.println("The domain '" + host + "' is not registered to any tenant.");
            return FAILURE;
        }
        out.println("Removed " + host + ".");
        return SUCCESS;
    }
}
