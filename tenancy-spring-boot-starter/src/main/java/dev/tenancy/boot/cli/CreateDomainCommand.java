package dev.tenancy.boot.cli;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.provisioning.TenantProvisioner;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code create-domain --schema=NAME (--domain=HOST | --subdomain=LABEL) [--primary]}: registers a host name for a
 * tenant through the {@link TenantProvisioner} (audited, and the tenant directory forgets what it cached). A tenant's
 * first domain is primary; {@code --primary} makes the new one primary in place of the old.
 */
public final class CreateDomainCommand implements TenancyCommand {

    private final TenantProvisioner provisioner;
    private final Collection<String> reservedSchemas;
    private final String domainSuffix;

    /**
     * A command adding domains through {@code provisioner}.
     *
     * @param reservedSchemas names no tenant schema may take
     * @param domainSuffix the parent domain {@code --subdomain} is added to; {@code null} when there is none
     */
    public CreateDomainCommand(TenantProvisioner provisioner, Collection<String> reservedSchemas,
            String domainSuffix) {
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        this.reservedSchemas = List.copyOf(reservedSchemas);
        this.domainSuffix = domainSuffix == null || domainSuffix.isBlank() ? null : domainSuffix;
    }

    @Override
    public String name() {
        return "create-domain";
    }

    @Override
    public String description() {
        return "Registers a host name for a tenant.";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(
                CommandOption.required("schema", "NAME", "the tenant's schema"),
                CommandOption.optional("domain", "HOST", "the full host name, e.g. acme.example.com"),
                CommandOption.optional("subdomain", "LABEL", "a sub-domain of tenancy.domain-suffix, e.g. acme"),
                CommandOption.flag("primary", "make it the tenant's primary domain"));
    }

    @Override
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) {
        SchemaName schema = arguments.schema("schema", reservedSchemas);
        String host = host(arguments.optionalValue("domain"), arguments.optionalValue("subdomain"));
        boolean primary = arguments.has("primary");
        ProvisionerCalls.run(() -> provisioner.addDomain(schema, host, primary, ProvisionerCalls.actor()));
        out.println("Added " + host + " to " + schema + (primary ? " as its primary domain." : "."));
        return SUCCESS;
    }

    private String host(Optional<String> domain, Optional<String> subdomain) {
        if (domain.isPresent() == subdomain.isPresent()) {
            throw new CommandUsageException("Give either --domain=HOST or --subdomain=LABEL.");
        }
        if (subdomain.isPresent() && domainSuffix == null) {
            throw new CommandUsageException("--subdomain needs tenancy.domain-suffix to be set; give --domain=HOST "
                    + "instead.");
        }
        String host = domain.orElseGet(() -> subdomain.get() + "." + domainSuffix);
        try {
            return TenantDirectory.normaliseHost(host);
        } catch (InvalidInputException e) {
            throw new CommandUsageException(e.getMessage());
        }
    }
}
