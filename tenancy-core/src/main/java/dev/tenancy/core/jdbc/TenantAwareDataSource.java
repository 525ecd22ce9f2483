package dev.tenancy.core.jdbc;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.roles.TenantRoles;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A {@link DataSource} that scopes every connection to the current tenant by its {@code search_path}.
 *
 * <p>Wraps the application's pool (e.g. HikariCP). A connection from {@link #getConnection()} follows the
 * {@linkplain Tenants tenant context}: its {@code search_path} is {@code "<tenant>", public[, extras]} inside a tenant
 * and {@code public[, extras]} outside, set when the connection is handed out and put in force again before each
 * statement runs, so a connection kept open across a tenant switch follows the switch. A prepared statement runs
 * under the path of the tenant it was prepared for, whatever the connection served since. A {@code SET} that a
 * rollback (or savepoint rollback, or a failed commit) may have undone, and SQL text that may change the path or end
 * a transaction ({@code SET search_path}, {@code RESET}, {@code DISCARD}, {@code COMMIT}, {@code ROLLBACK}, ...),
 * make the connection set the path again before the next statement. Statements of one connection run one at a time,
 * so a connection shared by threads serves each thread its own tenant.
 *
 * <p>Setting the path checks, in the same statement, that the tenant's schema exists: a tenant whose schema was
 * dropped or renamed is refused with {@link dev.tenancy.core.TenantSchemaMissingException}, never served from the
 * shared schema's tables of the same names.
 *
 * <p>On PostgreSQL 18 and later, which report {@code search_path} to the driver whenever it changes, no
 * {@code SET} is sent when the pooled connection already has the right path and the tenant's schema was found less
 * than {@linkplain Builder#schemaCheckInterval the schema check interval} ago: a request to a tenant whose path the
 * connection last served costs no extra round trip. Older servers get a {@code SET} on every checkout, unless
 * {@linkplain Builder#tenantAffinity tenant affinity} hands out a connection that never went back to the pool since
 * this data source set the tenant's path on it.
 *
 * <p>Behind a pooler in transaction mode (PgBouncer's {@code pool_mode=transaction}), a path set for the session
 * stays on a server connection that the pooler then hands to other clients: build with
 * {@link Builder#transactionPooling(boolean) transactionPooling(true)}, and the path is set for each transaction
 * instead.
 *
 * <p>{@link #getConnection(SchemaName)} hands out a connection pinned to one tenant whatever the context; it is what
 * Hibernate's connection provider uses, since a Hibernate session belongs to one tenant.
 */
public final class TenantAwareDataSource implements DataSource {

    private final DataSource target;
    private final SearchPath searchPath;
    private final TenantRoles tenantRoles;
    private final PathSetting pathSetting;
    private final boolean labelStatements;
    private final long schemaCheckNanos;
    private final PathScope pathScope;
    private final TenantAffinity affinity;
    private final LongAdder searchPathChanges = new LongAdder();

    private TenantAwareDataSource(DataSource target, SearchPath searchPath, TenantRoles tenantRoles,
            boolean labelStatements, Duration schemaCheckInterval, PathScope pathScope, TenantAffinity affinity) {
        this.target = target;
        this.searchPath = searchPath;
        this.tenantRoles = tenantRoles;
        this.pathSetting = new PathSetting(searchPath, tenantRoles, pathScope);
        this.labelStatements = labelStatements;
        this.schemaCheckNanos = schemaCheckInterval.toNanos();
        this.pathScope = pathScope;
        this.affinity = affinity;
    }

    /** Starts building a tenant-aware {@code DataSource} around the application's pool. */
    public static Builder builder(DataSource target) {
        return new Builder(target);
    }

    /** Wraps {@code target} with the defaults: shared schema {@code public}, no extra schemas. */
    public static TenantAwareDataSource wrap(DataSource target) {
        return builder(target).build();
    }

    /** The wrapped pool. Connections taken from it directly are not tenant-scoped. */
    public DataSource target() {
        return target;
    }

    /**
     * The pool as the library's own work must use it: migrations and provisioning run SQL only on connections whose
     * {@code search_path} they set themselves. Every connection the returned data source hands out has first been
     * given the shared path ({@code "<shared>", <extras...>}), whatever an earlier borrower of the pooled connection
     * left on it; Flyway then adds the schema it migrates in front of that. Given a {@code TenantAwareDataSource},
     * its pool and search path are used, and with {@linkplain Builder#tenantRoles tenant roles} each connection is
     * also set back to the login role ({@code SET ROLE NONE}); given a plain pool, {@code sharedSchema} alone.
     */
    public static DataSource forLibraryWork(DataSource pool, String sharedSchema) {
        Objects.requireNonNull(pool, "pool");
        if (pool instanceof SharedPathDataSource) {
            return pool;
        }
        if (pool instanceof TenantAwareDataSource tenantAware) {
            return new SharedPathDataSource(tenantAware.target, tenantAware.searchPath,
                    tenantAware.tenantRoles != null);
        }
        return new SharedPathDataSource(pool, new SearchPath(sharedSchema, List.of()), false);
    }

    /**
     * How many times this data source has set a connection's {@code search_path} (a {@code set_config} call, or a
     * {@code SET} with statement labels off). On PostgreSQL 18 and later it does so only when a connection's path
     * must change; on older servers, once per connection handed out.
     */
    public long searchPathChanges() {
        return searchPathChanges.sum();
    }

    /**
     * Whether the path is set for each transaction rather than for the session, for a pool behind a transaction
     * pooler; see {@link Builder#transactionPooling(boolean)}.
     */
    public boolean isTransactionPooling() {
        return pathScope == PathScope.TRANSACTION;
    }

    /** The schema of the shared tables, last on every tenant's {@code search_path} before the extra schemas. */
    public String sharedSchema() {
        return searchPath.sharedSchema();
    }

    /** The extra schemas at the end of every {@code search_path} (e.g. one holding extensions), in order. */
    public List<String> extraSchemas() {
        return searchPath.extraSchemas();
    }

    /** The tenant-affine reuse of pooled connections, or {@code null} when it is off. */
    TenantAffinity affinity() {
        return affinity;
    }

    /** The search-path rules this data source applies. */
    SearchPath searchPath() {
        return searchPath;
    }

    /** The tenant roles connections serving a tenant run as, or {@code null} when they keep the login role. */
    public TenantRoles tenantRoles() {
        return tenantRoles;
    }

    /** A connection that follows the tenant context of the thread using it. */
    @Override
    public Connection getConnection() throws SQLException {
        if (affinity != null) {
            return open(affinity.take(Tenants.currentOrNull()), true, null);
        }
        return open(target.getConnection(), true, null, null);
    }

    /** Like {@link #getConnection()}, with explicit credentials passed to the wrapped data source. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return open(target.getConnection(username, password), true, null, null);
    }

    /**
     * A connection pinned to {@code tenant} ({@code null}: the shared schema only), whatever the tenant context of
     * the thread that uses it.
     */
    public Connection getConnection(SchemaName tenant) throws SQLException {
        if (affinity != null) {
            return open(affinity.take(tenant), false, tenant);
        }
        return open(target.getConnection(), false, tenant, null);
    }

    private Connection open(TenantAffinity.Lease lease, boolean followsContext, SchemaName pinned)
            throws SQLException {
        return open(lease.connection(), followsContext, pinned, lease);
    }

    private Connection open(Connection physical, boolean followsContext, SchemaName pinned,
            TenantAffinity.Lease lease) throws SQLException {
        try {
            TenantConnection connection = new TenantConnection(physical, searchPath, pathSetting, searchPathChanges,
                    followsContext, pinned, labelStatements, schemaCheckNanos, pathScope, lease);
            connection.checkOut();
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                physical.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "TenantAwareDataSource[" + target + "]";
    }

    /** Builds a {@link TenantAwareDataSource}; see {@link TenantAwareDataSource#builder(DataSource)}. */
    public static final class Builder {

        private final DataSource target;
        private String sharedSchema = "public";
        private final List<String> extraSchemas = new ArrayList<>();
        private boolean labelStatements = true;
        private Duration schemaCheckInterval = Duration.ofSeconds(1);
        private TenantRoles tenantRoles;
        private boolean transactionPooling;
        private Duration affinityIdleTimeout;
        private Duration affinityMaxHold;

        private Builder(DataSource target) {
            this.target = Objects.requireNonNull(target, "target data source");
        }

        /** The schema holding shared tables, searched after the tenant's; default {@code public}. */
        public Builder sharedSchema(String schema) {
            this.sharedSchema = schema;
            return this;
        }

        /** Schemas searched after the shared one, in order, e.g. one that holds extensions. */
        public Builder extraSchemas(List<String> schemas) {
            this.extraSchemas.clear();
            this.extraSchemas.addAll(schemas);
            return this;
        }

        /**
         * Whether prepared statements run inside a tenant start with a comment naming the tenant's schema, e.g.
         * <code>/* tenant_acme *&#47; select ...</code> (default {@code true}). pgjdbc caches prepared statements by
         * their text and PostgreSQL re-plans a cached statement whenever it runs under another {@code search_path}
         * than it was planned with; labelled, each tenant's statements get plans of their own on a connection that
         * serves many tenants, so switching tenant costs no re-planning. The label also shows the tenant in
         * {@code pg_stat_activity} and in PostgreSQL's logs. The driver's cache then holds one entry per statement
         * and tenant: raise pgjdbc's {@code preparedStatementCacheQueries} (default 256) if a connection serves
         * many tenants with many distinct statements. Statements created outside any tenant are never labelled.
         */
        public Builder labelStatements(boolean labelStatements) {
            this.labelStatements = labelStatements;
            return this;
        }

        /**
         * How long a tenant's schema, once found while setting its path, is trusted to exist before a connection that
         * already has the tenant's path sets it (and checks the schema) again; default one second. Setting the path
         * always checks the schema in the same statement, so a tenant whose schema was dropped or renamed is refused
         * with {@link dev.tenancy.core.TenantSchemaMissingException}, never served from the shared schema. Only a
         * connection that keeps the tenant's path (on PostgreSQL 18, a reused pooled connection; on any version, one
         * kept open across many statements) skips the check, for at most this long. {@link Duration#ZERO} checks on
         * every checkout and statement, at one round trip each.
         */
        public Builder schemaCheckInterval(Duration interval) {
            if (interval == null || interval.isNegative()) {
                throw new IllegalArgumentException("schemaCheckInterval must be zero or positive, was " + interval);
            }
            this.schemaCheckInterval = interval;
            return this;
        }

        /**
         * Runs every connection serving a tenant as that tenant's own PostgreSQL role ({@code null}, the default:
         * off), so that PostgreSQL itself refuses it anything of another tenant, even a query naming another
         * tenant's schema. The role is set in the same statement as the path, so it costs no extra round trip;
         * outside any tenant connections run as the login role. The server's report of the path is then not trusted
         * on its own (it does not cover the role): on PostgreSQL 18 too, every checkout sets path and role. The
         * roles must exist ({@link TenantRoles#create}; the provisioner creates them with the tenants) and the pool's
         * login role must be allowed to switch to them.
         */
        public Builder tenantRoles(TenantRoles roles) {
            this.tenantRoles = roles;
            return this;
        }

        /**
         * Whether the pool reaches PostgreSQL through a pooler in transaction mode, such as PgBouncer with
         * {@code pool_mode=transaction} (default {@code false}). Such a pooler hands each transaction to whichever
         * server connection is free, so a {@code search_path} set for the session would stay behind for the next
         * transaction of any client: one tenant would read another's rows. With {@code true}:
         * <ul>
         *   <li>the path is set transaction-locally ({@code set_config('search_path', ..., true)}) as the first
         *       statement of every transaction, and the tenant's schema is checked in that same statement;</li>
         *   <li>a statement run with auto-commit on runs in a short transaction of its own ({@code BEGIN}, path,
         *       statement, {@code COMMIT}: one round trip more than the statement alone), so statements that
         *       PostgreSQL refuses inside a transaction block ({@code VACUUM}, {@code CREATE DATABASE},
         *       {@code CREATE INDEX CONCURRENTLY}) must use {@link TenantAwareDataSource#target()} directly;</li>
         *   <li>no path is trusted across a transaction's end, and no session state is relied on.</li>
         * </ul>
         * A connection is no longer checked out with its path set: a tenant whose schema is missing is refused at
         * its first statement rather than when the connection is handed out. Server-side prepared statements need
         * PgBouncer 1.21 or later with {@code max_prepared_statements} set; with an older PgBouncer, add
         * {@code prepareThreshold=0} to the JDBC URL.
         */
        public Builder transactionPooling(boolean transactionPooling) {
            this.transactionPooling = transactionPooling;
            return this;
        }

        /**
         * Reuses pooled connections by tenant (default off): a connection given back with its tenant's path set and
         * committed stays checked out of the pool, <em>parked</em>, for up to {@code idleTimeout}, and the next
         * connection asked for that tenant is that one, with no {@code set_config} round trip. Parked connections
         * count against the pool's maximum size: none is parked while a thread waits for a connection in the pool,
         * a request for another tenant takes the longest-parked one when the pool has none idle, and every
         * connection goes back to the pool at least every {@code maxHold}, so that the pool's own limits (its
         * {@code maxLifetime}, which bounds a backend's catalogue memory) still apply.
         *
         * <p>Only a connection that never went back to the pool is trusted, so nothing else can have changed its path
         * meanwhile; on PostgreSQL 17 and older the connection's own bookkeeping decides: a path set inside a
         * transaction that did not commit, SQL text that may change the path ({@code SET}, {@code RESET},
         * {@code DISCARD}, {@code ROLLBACK}, ...), a failed statement, or the driver's connection taken through
         * {@code unwrap} gives the connection back to the pool instead. The tenant's schema is still checked at least
         * every {@link #schemaCheckInterval}. Needs a HikariCP pool (it reads how many threads wait for a connection);
         * refused with {@link #transactionPooling(boolean) transaction pooling}, where no session state is kept.
         * Set HikariCP's {@code leakDetectionThreshold}, if used, above {@code maxHold}.
         *
         * @param idleTimeout how long a parked connection waits for its tenant before it goes back to the pool
         * @param maxHold     how long a connection may stay out of the pool, parked or in use, before it goes back
         */
        public Builder tenantAffinity(Duration idleTimeout, Duration maxHold) {
            this.affinityIdleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
            this.affinityMaxHold = Objects.requireNonNull(maxHold, "maxHold");
            return this;
        }

        /** Validates the schema names and builds the data source. */
        public TenantAwareDataSource build() {
            if (target instanceof TenantAwareDataSource) {
                throw new IllegalArgumentException("The data source is already tenant-aware; wrap the pool only once.");
            }
            TenantAffinity affinity = null;
            if (affinityIdleTimeout != null) {
                if (transactionPooling) {
                    throw new IllegalArgumentException("Tenant affinity keeps a session's path from one checkout to the "
                            + "next; behind a transaction pooler no session state is kept. Turn one of them off.");
                }
                affinity = TenantAffinity.over(target, affinityIdleTimeout, affinityMaxHold);
            }
            return new TenantAwareDataSource(target, new SearchPath(sharedSchema, extraSchemas), tenantRoles,
                    labelStatements, schemaCheckInterval, transactionPooling ? PathScope.TRANSACTION : PathScope.SESSION,
                    affinity);
        }
    }
}
