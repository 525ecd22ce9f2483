package dev.tenancy.core.provisioning;

import dev.tenancy.core.provisioning.TenantRequest.TenantNaming;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.DomainStore;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.provisioning.TenantListener.CreationMode;
import dev.tenancy.core.provisioning.TenantListener.CreationOutcome;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

/**
 * What every provisioning operation works with, as configured by {@link TenantProvisioner.Builder}.
 *
 * @param pool the application's pool, unwrapped (never tenant-aware)
 * @param rows the tenant table
 * @param domains the domain table, through {@link DomainStore}
 * @param schemas builds new schemas
 * @param books the ledger and the audit
 * @param naming subdomain to schema and domain
 * @param reservedSchemas schema names no tenant may take (the template's included)
 * @param reservedSubdomains subdomains no tenant may take
 * @param listeners the registered listeners, in order
 * @param directory the directory whose cache to evict, or null
 * @param roles the tenant roles' steps (doing nothing when tenants have no roles)
 */
record Context(DataSource pool, TenantRows rows, DomainStore domains, SchemaFactory schemas, Bookkeeping books,
        TenantNaming naming, Set<String> reservedSchemas, Set<String> reservedSubdomains,
        List<TenantListener> listeners, TenantDirectory directory, RoleSteps roles) {

    private static final System.Logger LOG = System.getLogger(TenantProvisioner.class.getName());

    /** Forgets what the directory cached for the tenant and its hosts, so changes are seen at once. */
    void evict(SchemaName schema, Collection<String> hosts) {
        if (directory == null) {
            return;
        }
        directory.evictTenant(schema);
        hosts.forEach(directory::evict);
    }

    /**
     * Tells every instance's directory, within the transaction open on {@code transaction} (so only if it commits),
     * to forget the tenant and its hosts.
     */
    static void announce(Connection transaction, SchemaName schema, Collection<String> hosts) throws SQLException {
        TenantDirectory.announceChange(transaction, schema, hosts);
    }

    /** Tells every listener how a creation that started at {@code startNanos} ({@link System#nanoTime()}) ended. */
    void ended(SchemaName schema, CreationMode mode, boolean created, long startNanos) {
        CreationOutcome outcome = new CreationOutcome(schema, mode, created,
                Duration.ofNanos(System.nanoTime() - startNanos));
        for (TenantListener listener : listeners) {
            try {
                listener.creationEnded(outcome);
            } catch (RuntimeException e) {
                warn("A TenantListener failed in creationEnded for " + schema, e);
            }
        }
    }

    /**
     * Logs an exception that must not hide the outcome being reported (a listener after the fact, ...): its class
     * and message without row values, not its stack trace, whose causes could carry them.
     */
    static void warn(String what, Throwable e) {
        LOG.log(Level.WARNING, what + ": " + e.getClass().getName() + ": " + describe(e));
    }

    /**
     * What to throw for {@code e}: runtime exceptions (Tenancy's own, a listener's) as they are, checked ones (a
     * database error, a listener's) as a {@link TenancyException} saying {@code what} and why.
     */
    static RuntimeException failure(String what, Exception e) {
        return e instanceof RuntimeException runtime ? runtime
                : new TenancyException(what + ": " + describe(e), e);
    }

    /** An exception's message without row values ({@link SafeMessages}), or its class when it has none. */
    static String describe(Throwable e) {
        String message = SafeMessages.withoutRowValues(e.getMessage());
        return message == null || message.isBlank() ? e.getClass().getName() : message;
    }
}
