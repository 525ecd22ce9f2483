package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.SchemaMigrator;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * The migrated template schema new tenants are cloned from (the fast path), and the knowledge of how to clone it.
 *
 * <p><b>Refresh.</b> The template is brought up to date by running the {@link SchemaMigrator} on it: before the
 * first clone of each provisioner (so once per process, which is enough since tenant migrations only change with a
 * deployment) and whenever {@link TenantProvisioner#refreshTemplate()} is called (e.g. by the fleet migration).
 * A refresh holds an exclusive advisory lock on the template; every clone holds the shared form for its transaction,
 * so no clone reads a template that another process is migrating.
 *
 * <p><b>Plan cache.</b> Reading the plan takes a dozen catalogue queries, some over catalogues that grow with the
 * number of tenants, so the {@link ClonePlan} is kept and reused while the template's migration history is unchanged
 * (its row count and highest rank: one small read per clone); a template migrated by another process is read again.
 * Without a history table the plan is read for every clone.
 *
 * <p><b>Falling back.</b> When the template cannot be refreshed or holds objects a clone cannot reproduce exactly,
 * {@link #cloneInto} answers false (logging why, once) and the caller migrates the new schema instead.
 */
final class TemplateSchema {

    private static final System.Logger LOG = System.getLogger(TemplateSchema.class.getName());

    private final SchemaName name;
    private final DataSource pool;
    private final SchemaMigrator migrator;
    private final String historyTable;
    private final Object refreshing = new Object();
    private volatile boolean fresh;
    private volatile Cached cached;

    /** A plan, or the reason there is none, for the template at one point of its migration history. */
    private record Cached(String history, ClonePlan plan, String unusable) {
    }

    TemplateSchema(SchemaName name, DataSource pool, SchemaMigrator migrator, String historyTable) {
        this.name = name;
        this.pool = pool;
        this.migrator = migrator;
        this.historyTable = historyTable;
    }

    SchemaName name() {
        return name;
    }

    /** Migrates the template (creating it when missing), waiting for any other refresh to finish first. */
    void refresh() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            refresh(connection);
        }
    }

    /**
     * Like {@link #refresh()}, holding the template's lock on {@code connection} (which must not be in a
     * transaction), so that a creation refreshing the template needs no connection beyond its own and the
     * migrator's.
     */
    void refresh(Connection connection) throws SQLException {
        synchronized (refreshing) {
            try (AdvisoryLocks locks = new AdvisoryLocks(connection)) {
                locks.lock(AdvisoryLocks.templateKey(name));
                migrator.migrate(name);
            }
            fresh = true;
        }
    }

    /**
     * Whether the template can be cloned from: it has been refreshed by this process, now if not before (holding
     * the lock on {@code connection}). A failed refresh is logged and answers false, to be tried again next time.
     */
    boolean ready(Connection connection) {
        if (fresh) {
            return true;
        }
        synchronized (refreshing) {
            try {
                if (!fresh) {
                    refresh(connection);
                }
                return true;
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not bring the template schema " + name + " up to date ("
                        + Context.describe(e) + "); creating tenants from migrations until a refresh succeeds.");
                return false;
            }
        }
    }

    /**
     * Clones the template into {@code target} inside the caller's transaction, rows and migration history included.
     * Call {@link #ready} first, outside any transaction.
     *
     * @return false, having created nothing, when the template cannot be used; the caller migrates instead
     */
    boolean cloneInto(Connection transaction, SchemaName target) throws SQLException {
        AdvisoryLocks.lockSharedForTransaction(transaction, AdvisoryLocks.templateKey(name));
        if (!TenantRows.schemaExists(transaction, name)) {
            fresh = false;
            LOG.log(Level.WARNING, "The template schema " + name + " has disappeared; creating " + target
                    + " from migrations. The next creation migrates the template again.");
            return false;
        }
        String history = history(transaction);
        Cached current = cached;
        if (current == null || history == null || !history.equals(current.history())) {
            current = read(transaction, history);
        }
        if (current.plan() == null) {
            return false;
        }
        current.plan().apply(transaction, target, ClonePlan.Content.WITH_DATA);
        return true;
    }

    private Cached read(Connection transaction, String history) throws SQLException {
        Cached read;
        try {
            read = new Cached(history, ClonePlanReader.read(transaction, name, historyTable, true, null), null);
        } catch (NotClonableException e) {
            Cached previous = cached;
            if (previous == null || !Objects.equals(previous.unusable(), e.getMessage())) {
                LOG.log(Level.WARNING, e.getMessage() + " New tenants are created from migrations instead.");
            }
            read = new Cached(history, null, e.getMessage());
        }
        if (history != null) {
            cached = read;
        }
        return read;
    }

    /** Where the template's migration history stands, or null when it has no history table. */
    private String history(Connection connection) throws SQLException {
        String table = name.quoted() + ".\"" + historyTable + "\"";
        if (Jdbc.queryString(connection, "SELECT to_regclass(?)::text", table) == null) {
            return null;
        }
        return Jdbc.queryString(connection, "SELECT count(*) || ':' || coalesce(max(installed_rank), 0) FROM " + table);
    }
}
