package dev.tenancy.boot.cli;

import dev.tenancy.core.directory.DomainStore;
import dev.tenancy.core.directory.HostNames;
import dev.tenancy.core.directory.InvalidHostException;
import dev.tenancy.core.directory.TenantDirectory;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * {@code delete-domain --domain=HOST}: removes a host name from its tenant. When it was the primary domain, the
 * tenant's oldest remaining domain becomes primary.
 */
public final class DeleteDomainCommand implements TenancyCommand {

    private final DataSource dataSource;
    private final DomainStore domains;
    private final TenantDirectory directory;

    /** A command writing through {@code dataSource} and evicting the host from {@code directory}. */
    public DeleteDomainCommand(DataSource dataSource, DomainStore domains, TenantDirectory directory) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.domains = Objects.requireNonNull(domains, "domains");
        this.directory = Objects.requireNonNull(directory, "directory");
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
    public int run(CommandArguments arguments, PrintStream out, PrintStream err) throws Exception {
        String host;
        try {
            host = HostNames.normalise(arguments.value("domain"));
        } catch (InvalidHostException e) {
            throw new CommandUsageException(e.getMessage());
        }
        boolean removed = Transactions.inTransaction(dataSource, connection -> domains.remove(connection, host));
        if (!removed) {
            err.println("The domain '" + host + "' is not registered to any tenant.");
            return FAILURE;
        }
        directory.evict(host);
        out.println("Removed " + host + ".");
        return SUCCESS;
    }
}
