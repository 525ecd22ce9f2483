package dev.tenancy.boot.cli;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.directory.DomainRecord;
import dev.tenancy.core.directory.DomainStore;
import dev.tenancy.core.directory.HostNames;
import dev.tenancy.core.directory.InvalidHostException;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.directory.TenantRecord;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * {@code create-domain --schema=NAME (--domain=HOST | --subdomain=LABEL) [--primary]}: registers a host name for a
 * tenant. A tenant's first domain is primary; {@code --primary} makes the new one primary in place of the old.
 */
public final class CreateDomainCommand implements TenancyCommand {

    private final DataSource dataSource;
    private final DomainStore domains;
    private final TenantDirectory directory;
    private final Collection<String> reservedSchemas;
    private final String domainSuffix;

    /**
     * A command writing through {@code dataSource} and evicting changed hosts from {@code directory}.
     *
     * @param reservedSchemas names no tenant schema may take
     * @param domainSuffix the parent domain {@code --subdomain} is added to; {@code null} when not configured
     */
    public CreateDomainCommand(DataSource dataSource, DomainStore domains, TenantDirectory directory,
            Collection<String> reservedSchemas, String domainSuffix) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.domains = Objects.requireNonNull(domains, "domains");
        this.directory = Objects.requireNonNull(directory, "directory");
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
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) throws Exception {
        SchemaName schema = arguments.schema("schema", reservedSchemas);
        String host = host(arguments.optionalValue("domain"), arguments.optionalValue("subdomain"));
        boolean primary = arguments.has("primary");
        Optional<TenantRecord> tenant = directory.findBySchema(schema);
        if (tenant.isEmpty()) {
            err.println("No tenant has the schema '" + schema + "'. Run list-tenants to see the tenants.");
            return FAILURE;
        }
        DomainRecord added = Transactions.inTransaction(dataSource,
                connection -> domains.add(connection, tenant.get().id(), host, primary));
        directory.evict(added.domain());
        out.println("Added " + added.domain() + " to " + schema + (added.primary() ? " as its primary domain." : "."));
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
            return HostNames.normalise(host);
        } catch (InvalidHostException e) {
            throw new CommandUsageException(e.getMessage());
        }
    }
}
