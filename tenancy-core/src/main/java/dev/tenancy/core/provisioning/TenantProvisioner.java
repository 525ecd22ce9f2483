package dev.tenancy.core.provisioning;

import dev.tenancy.core.provisioning.TenantRequest.TenantNaming;
import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.SqlIdentifiers;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.TenantNotFoundException;
import dev.tenancy.core.directory.DomainStore;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.SchemaMigrator;
import dev.tenancy.core.provisioning.AdoptionOptions.AdoptionPlan;
import dev.tenancy.core.roles.TenantRoles;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Creates, deletes, renames and clones tenants: the one service an application, the starter's commands and its
 * APIs call to manage tenants.
 *
 * <pre>{@code
 * TenantProvisioner provisioner = TenantProvisioner.builder(dataSource, migrator)
 *         .naming(TenantNaming.conventional("example.com"))
 *         .directory(directory)
 *         .build();
 * TenantInfo acme = provisioner.create(TenantRequest.subdomain("acme").value("name", "Acme Corp")
 *         .setUp(tenant -> users.createAdmin(email, password)).actor("alice"));
 * }</pre>
 *
 * <p>What it promises:
 * <ul>
 * <li><b>All or nothing.</b> A creation checks every input before writing anything, then writes the tenant row
 * (PROVISIONING) and its domains, builds the schema, runs the listeners and the application's set-up steps inside the
 * new tenant's context, and marks it ACTIVE. A failure at any step removes exactly what that attempt wrote (its
 * schema, its rows), so the same tenant can be created again at once. A creation cut short by a crash is removed by
 * {@link #recoverInterrupted()}.</li>
 * <li><b>Concurrency.</b> Operations on one tenant are serialised by a PostgreSQL advisory lock on its schema name,
 * across threads and processes: of two creations of the same name, one succeeds and the other gets
 * {@link TenantConflictException}. Different tenants are created side by side.</li>
 * <li><b>Fast path.</b> New schemas are cloned from a migrated template schema ({@code _tenancy_template} by
 * default, reserved), structure, rows and migration history included, so later migrations apply normally; see
 * {@link #refreshTemplate()}. When there is no usable template, the schema is migrated instead.</li>
 * <li><b>Safe drops.</b> Only a schema a tenant row owns is ever dropped, and never when objects outside it depend
 * on it. Whatever a tenant row says, {@code public}, {@code information_schema}, {@code pg_*}, the shared schema, the
 * search path's extra schemas, the template and the reserved names are never dropped or renamed.</li>
 * <li><b>Apart from the caller's transaction.</b> An operation commits on its own connections, whether or not the
 * caller has a transaction open: with {@link Builder#transactions(ProvisioningTransactions)} (the Spring Boot starter
 * sets it) the caller's transaction is suspended meanwhile, and each set-up step runs in the new tenant's context in
 * a new transaction of its own, so its connection belongs to the new tenant; rolling the caller's transaction back
 * does not undo the operation.</li>
 * <li><b>Audit.</b> Every change is recorded in {@code tenancy_audit} in the shared schema (who, when, what, outcome;
 * never column values or secrets), committed with the change itself; failures are recorded too.</li>
 * </ul>
 *
 * <p>Connections: an operation holds one pooled connection throughout (for its lock and bookkeeping), plus one while
 * it clones, or what the migrator needs (two for Flyway) while it migrates; size the pool for the creations that may
 * run at once. Advisory locks are session locks, so the pool must reach PostgreSQL directly or through a
 * session-mode pooler (not PgBouncer's transaction mode). Thread-safe.
 */
public final class TenantProvisioner {

    /** The default name of the template schema. */
    public static final String DEFAULT_TEMPLATE = "_tenancy_template";

    /**
     * The subdomains no tenant may take unless {@link Builder#reservedSubdomains} says otherwise: names a platform
     * keeps for itself (its site, admin, API, mail and file services, static assets, documentation, status page).
     * {@code www} is refused whatever the list says, since the directory serves {@code www.<host>} as {@code <host>}.
     */
    public static final List<String> DEFAULT_RESERVED_SUBDOMAINS = List.of("www", "admin", "api", "app", "auth",
            "login", "mail", "smtp", "imap", "pop", "ftp", "ns1", "ns2", "localhost", "static", "assets", "cdn",
            "docs", "status", "support", "blog");

    private final Context context;
    private final ProvisioningTransactions transactions;
    private final Creation creation;
    private final Removal removal;
    private final Changes changes;
    private final Recovery recovery;
    private final Adoption adoption;
    private final RoleEnabling roleEnabling;

    private TenantProvisioner(Context context, ProvisioningTransactions transactions, String historyTable) {
        this.context = context;
        this.transactions = transactions;
        this.creation = new Creation(context, transactions);
        this.removal = new Removal(context);
        this.changes = new Changes(context);
        this.recovery = new Recovery(context);
        this.adoption = new Adoption(context, historyTable);
        this.roleEnabling = new RoleEnabling(context);
    }

    /**
     * Starts building a provisioner.
     *
     * @param dataSource the application's pool; when it is a {@link TenantAwareDataSource}, its pool is used. Every
     *     connection the provisioner borrows first gets the shared search path, whatever an earlier borrower left
     *     on it. When the data source has {@linkplain TenantAwareDataSource.Builder#tenantRoles tenant roles}, each
     *     tenant's role is made and granted its schema when the tenant is created (or its missing schema built, or
     *     existing tables adopted), renamed with its schema and dropped right after it, in the same transactions
     * @param migrator creates a schema and applies the tenant migrations to it
     */
    public static Builder builder(DataSource dataSource, SchemaMigrator migrator) {
        return new Builder(dataSource, migrator);
    }

    /**
     * Creates a tenant, all or nothing.
     *
     * @throws dev.tenancy.core.InvalidInputException when the schema name is invalid or reserved
     * @throws dev.tenancy.core.directory.InvalidInputException when a domain is not a valid host name
     * @throws InvalidInputException when the subdomain or the column values are not acceptable
     * @throws TenantConflictException when the schema name is taken
     * @throws dev.tenancy.core.directory.TenantConflictException when another tenant has one of the domains
     * @throws TenancyException when a later step failed; what the attempt wrote was removed
     */
    public TenantInfo create(TenantRequest request) {
        Objects.requireNonNull(request, "request");
        return apart(() -> creation.create(request, null, false));
    }

    /**
     * Creates a tenant as a copy of the tenant that owns {@code source}: its structure and migration history, and
     * with {@code withData} all its rows (read in one snapshot). Everything else is as for {@link #create}.
     *
     * @throws TenantNotFoundException when no tenant owns {@code source}
     */
    public TenantInfo cloneTenant(SchemaName source, TenantRequest request, boolean withData) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(source, "source");
        return apart(() -> creation.create(request, source, withData));
    }

    /**
     * Turns existing tables into a new tenant's, all or nothing (the "keep existing data as first tenant" way of
     * converting a single-tenant database): the relations of the source schema that the tenant migrations create
     * (or those {@link AdoptionOptions#tables} names) move into the new tenant's schema with their data, indexes,
     * constraints and owned sequences; the other tables stay shared; the tenant row and its domains are written and
     * the schema's migration history records the tenant migrations up to the version the data is at, so later ones
     * apply normally. It all happens in one transaction: on any failure the database is as it was. Set-up steps
     * and listeners do not run (the data is not new), except {@link TenantListener#creationEnded}, which hears how it
     * ended. Needs the template schema.
     *
     * @throws InvalidInputException when a shared table's foreign key or a shared view refers to a relation that
     *                                  would move, names collide, or there is nothing to adopt; nothing was changed
     * @throws TenantConflictException when the schema name is taken
     * @throws TenancyException when a step failed; nothing was changed
     */
    public TenantInfo adopt(TenantRequest request, AdoptionOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        return apart(() -> adoption.adopt(request, options));
    }

    /** What {@link #adopt} would do with these arguments, and whether it would be refused; changes nothing. */
    public AdoptionPlan planAdoption(TenantRequest request, AdoptionOptions options) {
        return adoption.plan(Objects.requireNonNull(request, "request"), Objects.requireNonNull(options, "options"));
    }

    /**
     * Deletes a tenant the default way: drops its schema and rows when its {@code auto_drop_schema} is set, and
     * otherwise deactivates it (INACTIVE: schema and rows kept, hosts no longer served).
     *
     * @return whether the schema was dropped
     * @throws TenantNotFoundException when no tenant owns {@code schema}
     * @throws TenantConflictException when another operation on the tenant is in progress
     */
    public boolean delete(SchemaName schema, String actor) {
        Objects.requireNonNull(schema, "schema");
        return apart(() -> removal.delete(schema, actorOf(actor), false));
    }

    /** Deletes a tenant, dropping its schema and rows whatever its {@code auto_drop_schema} says. */
    public void deleteAndDropSchema(SchemaName schema, String actor) {
        Objects.requireNonNull(schema, "schema");
        apart(() -> removal.delete(schema, actorOf(actor), true));
    }

    /**
     * Renames a tenant's schema and its row's {@code schema_name} in one transaction. Sessions working in the old
     * schema at that moment fail, so rename inactive tenants or quiet hours.
     *
     * @throws TenantConflictException when {@code to} is taken
     */
    public void renameSchema(SchemaName from, SchemaName to, String actor) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        apart(() -> {
            changes.rename(from, to, actorOf(actor));
            return null;
        });
    }

    /**
     * Serves the tenant's hosts again: sets it ACTIVE. Status and schema name are the provisioner's to write; an
     * application's save of its tenant entity never changes them.
     *
     * @throws TenantNotFoundException when no tenant owns {@code schema}
     * @throws TenantConflictException when the tenant is being provisioned or another operation on it is in progress
     */
    public void activate(SchemaName schema, String actor) {
        setServed(schema, true, actor);
    }

    /** Stops serving the tenant's hosts, keeping its schema and rows: sets it INACTIVE; see {@link #activate}. */
    public void deactivate(SchemaName schema, String actor) {
        setServed(schema, false, actor);
    }

    private void setServed(SchemaName schema, boolean served, String actor) {
        Objects.requireNonNull(schema, "schema");
        apart(() -> {
            changes.setServed(schema, served, actorOf(actor));
            return null;
        });
    }

    /** Adds a host name to a tenant; {@code primary} demotes its current primary domain. */
    public void addDomain(SchemaName schema, String host, boolean primary, String actor) {
        Objects.requireNonNull(schema, "schema");
        apart(() -> {
            changes.addDomain(schema, host, primary, actorOf(actor));
            return null;
        });
    }

    /**
     * Removes a host name; when it was the primary one, the tenant's oldest remaining domain becomes primary.
     *
     * @return false when no tenant has it
     */
    public boolean removeDomain(String host, String actor) {
        return apart(() -> changes.removeDomain(host, actorOf(actor)));
    }

    /**
     * Builds the schema of every tenant row whose {@code auto_create_schema} is set but whose schema does not exist
     * (rows written by the application or restored from a backup); such a row in state PROVISIONING becomes ACTIVE.
     * Each tenant is independent: all are attempted, then a failure for any is thrown.
     *
     * @return the schemas created
     */
    public List<SchemaName> createMissingSchemas(String actor) {
        return apart(() -> recovery.createMissingSchemas(actorOf(actor)));
    }

    /**
     * Removes what creations interrupted by a crash left behind (a PROVISIONING row, its domains, its schema), so
     * that those tenants can be created again; creations still running, here or in another process, are left alone.
     * Call it at start-up.
     *
     * @return the schemas of the removed leftovers
     */
    public List<SchemaName> recoverInterrupted() {
        return apart(recovery::recoverInterrupted);
    }

    /**
     * Brings the template schema up to date by running the migrator on it (creating it when missing), waiting for a
     * refresh by another process to finish first. Runs by itself before the first creation; call it after the
     * tenant migrations change (e.g. after migrating the fleet) when this process keeps running.
     *
     * @throws IllegalStateException when the provisioner was built without a template
     */
    public void refreshTemplate() {
        TemplateSchema template = context.schemas().template();
        if (template == null) {
            throw new IllegalStateException("This provisioner was built withoutTemplate(); there is no template to "
                    + "refresh.");
        }
        try {
            template.refresh();
        } catch (SQLException e) {
            throw new TenancyException("Could not refresh the template schema " + template.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Switches an existing fleet to {@linkplain TenantAwareDataSource.Builder#tenantRoles tenant roles}: for every
     * tenant whose schema exists, in a transaction of its own under the tenant's lock, makes its role when missing,
     * lets the login role switch to it and grants it its schema (present objects and, by default privileges, those
     * the login role creates later). Idempotent: run it again after a failure; tenants already done change nothing.
     * Objects of a schema the login role does not own cannot be granted: that tenant fails with a message naming
     * them, and the others go on.
     *
     * @return one result per tenant, in tenant order
     * @throws IllegalStateException when the data source has no tenant roles
     */
    public List<RoleResult> enableTenantRoles(String actor) {
        return apart(() -> roleEnabling.enableAll(actorOf(actor)));
    }

    /**
     * What {@link #enableTenantRoles} did for one tenant.
     *
     * @param schema the tenant's schema
     * @param created whether its role had to be made (false: it existed and was granted again)
     * @param error why the tenant's role is not usable yet, or {@code null} when it is
     */
    public record RoleResult(SchemaName schema, boolean created, String error) {

        /** Whether the tenant's role is ready. */
        public boolean succeeded() {
            return error == null;
        }
    }

    /**
     * Creates provisioning's own tables in the shared schema when missing ({@code tenancy_provisioning}, the ledger
     * of creations in progress, and {@code tenancy_audit}: {@code id, at, actor, action, schema_name, details jsonb,
     * outcome SUCCESS|FAILURE, error}). Every operation does this on first use; call it to fail fast at start-up.
     */
    public void installSchema() {
        context.books().install();
    }

    /** Runs an operation apart from the caller's transaction: it commits on the provisioner's own connections. */
    private <T> T apart(Supplier<T> operation) {
        return transactions.outsideTransaction(operation);
    }

    private static String actorOf(String actor) {
        return actor == null || actor.isBlank() ? "system" : actor;
    }

    /** Builds a {@link TenantProvisioner}; every setting but the data source and the migrator has a default. */
    public static final class Builder {

        private final DataSource dataSource;
        private final SchemaMigrator migrator;
        private TenantTables tables = TenantTables.defaults();
        private TenantNaming naming = TenantNaming.conventional("localhost");
        private final Set<String> reservedSchemas = new LinkedHashSet<>();
        private final Set<String> searchPathSchemas = new LinkedHashSet<>();
        private final Set<String> reservedSubdomains = new LinkedHashSet<>(DEFAULT_RESERVED_SUBDOMAINS);
        private final List<TenantListener> listeners = new ArrayList<>();
        private TenantDirectory directory;
        private String template = DEFAULT_TEMPLATE;
        private String historyTable = "flyway_schema_history";
        private String sharedSchema = "public";
        private boolean audit = true;
        private ProvisioningTransactions transactions = ProvisioningTransactions.NONE;
        private final TenantRoles roles;
        private final List<String> extraSchemas = new ArrayList<>();

        private Builder(DataSource dataSource, SchemaMigrator migrator) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            if (dataSource instanceof TenantAwareDataSource tenantAware) {
                searchPathSchemas.add(tenantAware.sharedSchema());
                searchPathSchemas.addAll(tenantAware.extraSchemas());
                extraSchemas.addAll(tenantAware.extraSchemas());
                roles = tenantAware.tenantRoles();
            } else {
                roles = null;
            }
            this.migrator = Objects.requireNonNull(migrator, "migrator");
        }

        /** The tenant and domain tables; default {@link TenantTables#defaults()}. */
        public Builder tables(TenantTables tables) {
            this.tables = Objects.requireNonNull(tables, "tables");
            return this;
        }

        /** How subdomains become schema and host names; default {@code TenantNaming.conventional("localhost")}. */
        public Builder naming(TenantNaming naming) {
            this.naming = Objects.requireNonNull(naming, "naming");
            return this;
        }

        /**
         * Schema names no tenant may take, besides {@code public}, system schemas, the template, the shared schema
         * and the schemas of the tenant-aware data source's search path. None of them is ever dropped or renamed.
         */
        public Builder reservedSchemas(String... names) {
            for (String name : names) {
                reservedSchemas.add(name.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * The subdomains no tenant may take, replacing {@link TenantProvisioner#DEFAULT_RESERVED_SUBDOMAINS};
         * compared case-insensitively. {@code www} stays refused whatever the list.
         */
        public Builder reservedSubdomains(String... subdomains) {
            reservedSubdomains.clear();
            for (String subdomain : subdomains) {
                reservedSubdomains.add(subdomain.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** Adds a listener; listeners run in the order added. */
        public Builder listener(TenantListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The directory whose cache is evicted for every tenant and host that changes; default none. */
        public Builder directory(TenantDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The template schema's name; default {@value TenantProvisioner#DEFAULT_TEMPLATE}. */
        public Builder template(String schema) {
            this.template = SchemaName.of(schema).value();
            return this;
        }

        /** Creates every schema from migrations, with no template. */
        public Builder withoutTemplate() {
            this.template = null;
            return this;
        }

        /**
         * The migrator's Flyway history table in each tenant schema; default {@code flyway_schema_history}. A clone
         * always copies it, and the template's plan is reused while it is unchanged.
         */
        public Builder historyTable(String table) {
            SqlIdentifiers.quote(table, "migration history table");
            this.historyTable = table;
            return this;
        }

        /** The schema holding provisioning's own tables; default {@code public}. */
        public Builder sharedSchema(String schema) {
            SqlIdentifiers.quote(schema, "shared schema");
            this.sharedSchema = schema;
            return this;
        }

        /** Whether changes are recorded in {@code tenancy_audit}; default yes. */
        public Builder audit(boolean audit) {
            this.audit = audit;
            return this;
        }

        /**
         * How operations stay apart from a transaction the caller has open, and how set-up steps get a transaction of
         * their own; default {@link ProvisioningTransactions#NONE} (plain Java: no thread-bound transactions).
         */
        public Builder transactions(ProvisioningTransactions transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /** Builds the provisioner; nothing touches the database until it is used. */
        public TenantProvisioner build() {
            DataSource dataSource = TenantAwareDataSource.forLibraryWork(this.dataSource, sharedSchema);
            Set<String> reserved = new LinkedHashSet<>(reservedSchemas);
            reserved.addAll(searchPathSchemas);
            reserved.add(sharedSchema);
            TemplateSchema templateSchema = null;
            if (template != null) {
                reserved.add(template);
                templateSchema = new TemplateSchema(SchemaName.of(template), dataSource, migrator, historyTable);
            }
            Context context = new Context(dataSource, new TenantRows(tables), new DomainStore(tables),
                    new SchemaFactory(dataSource, migrator, templateSchema, historyTable),
                    new Bookkeeping(dataSource, SqlIdentifiers.quote(sharedSchema, "shared schema"), audit), naming,
                    Set.copyOf(reserved), Set.copyOf(reservedSubdomains), List.copyOf(listeners), directory,
                    new RoleSteps(roles, dataSource, sharedSchema, extraSchemas, historyTable));
            return new TenantProvisioner(context, transactions, historyTable);
        }
    }
}
