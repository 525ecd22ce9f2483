package dev.tenancy.core.migration;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.SqlIdentifiers;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.MigrationListener.MigrationProgress;
import dev.tenancy.core.migration.MigrationPlan.PlannedSchema;
import dev.tenancy.core.migration.MigrationReport.SchemaResult.Outcome;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * Migrates the shared schema and every tenant schema with Flyway: django-tenants' {@code migrate_schemas --shared},
 * {@code --tenant} and {@code --schema=X}, with a {@linkplain #plan() plan} and {@linkplain #validate() validation}.
 * How runs work (the ledger, the lock, the workers) is described in the {@linkplain dev.tenancy.core.migration
 * package documentation}.
 *
 * <pre>{@code
 * TenantMigrator migrator = TenantMigrator.builder(pool)       // the raw pool, not the tenant-aware DataSource
 *         .parallelism(4)
 *         .listener(new MigrationListener() {
 *             public void progress(MigrationProgress p) { System.out.print("\r" + p.line()); }
 *         })
 *         .build();
 * MigrationReport report = migrator.migrateAll();             // shared first, then every tenant
 * if (!report.successful()) { System.err.println(report.summary()); System.exit(1); }
 * }</pre>
 *
 * <p>A failing schema never stops the others: every operation returns a report instead of throwing for it. Runs
 * that migrate take the database's migration lock; {@link #plan()} and {@link #validate()} only read (and may
 * create the empty ledger table). Instances are thread-safe and keep nothing per schema between calls.
 */
public final class TenantMigrator implements SchemaMigrator {

    private final FleetOperations operations;
    private final DataSource dataSource;
    private final Duration lockWait;

    private TenantMigrator(Builder builder) {
        this.dataSource = TenantAwareDataSource.forLibraryWork(builder.dataSource, builder.sharedSchema);
        this.operations = new FleetOperations(builder, dataSource);
        this.lockWait = builder.lockWait;
    }

    /**
     * Starts building a migrator on {@code dataSource}, the application's pool (a {@link TenantAwareDataSource} is
     * unwrapped to its pool: Flyway sets each schema itself). Every connection the migrator borrows first gets the
     * shared search path, whatever an earlier borrower left on it; see
     * {@link TenantAwareDataSource#forLibraryWork(DataSource, String)}.
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** Applies the pending shared migrations to the shared schema. */
    public MigrationReport migrateShared() {
        try (RunLock ignored = lock()) {
            return operations.shared();
        }
    }

    /**
     * Applies the pending tenant migrations to every tenant schema the ledger does not show as up to date. Tenants
     * whose schema is missing are reported as {@link Outcome#SCHEMA_MISSING}, not created.
     */
    public MigrationReport migrateTenants() {
        try (RunLock lock = lock()) {
            return operations.tenants(lock.connection());
        }
    }

    /**
     * Migrates the shared schema, then the tenants, in one run. When the shared migrations fail, no tenant schema
     * is touched (tenant migrations may rely on shared tables); the report counts them as not attempted.
     */
    public MigrationReport migrateAll() {
        try (RunLock lock = lock()) {
            MigrationReport shared = operations.shared();
            MigrationReport tenants = shared.successful() ? operations.tenants(lock.connection())
                    : operations.tenantsNotAttempted(lock.connection());
            return MigrationReport.combine(shared, tenants);
        }
    }

    /**
     * Applies the pending tenant migrations to one tenant's schema, checked with Flyway whatever the ledger says. A
     * missing schema is reported as {@link Outcome#SCHEMA_MISSING}, not created.
     *
     * @throws TenancyException when no tenant row owns {@code schema}: an unknown schema, or a schema that is not
     *     a tenant's (the message says which)
     */
    public MigrationReport migrateSchema(SchemaName schema) {
        Objects.requireNonNull(schema, "schema");
        try (RunLock lock = lock()) {
            return operations.tenant(lock.connection(), schema);
        }
    }

    /**
     * Creates {@code schema} when missing and applies every pending tenant migration to it, whether or not a tenant
     * row owns it: a new tenant in state PROVISIONING, or a template schema. Takes no run lock (Flyway's own lock
     * guards the schema, and a schema being provisioned is not part of any fleet run).
     *
     * @throws TenancyException when a migration fails; the schema stays at its last good version
     */
    @Override
    public void migrate(SchemaName schema) {
        SchemaResult result = operations.create(Objects.requireNonNull(schema, "schema"));
        if (result.isFailure()) {
            throw result.error();
        }
    }

    /**
     * Copies {@code source}'s ledger row to {@code target} when it certifies the history table {@code source} has
     * now: the copy's history table holds the same migrations, so a fleet run skips it exactly when it would skip
     * {@code source}. Runs under a savepoint: a failure (e.g. no ledger table yet) is logged and leaves the
     * transaction usable; the next fleet run then checks {@code target} with Flyway.
     */
    @Override
    public void copied(Connection transaction, SchemaName source, SchemaName target) {
        operations.copied(transaction, Objects.requireNonNull(source, "source"), Objects.requireNonNull(target,
                "target"));
    }

    /**
     * Deletes {@code schema}'s ledger row inside {@code transaction}, so that it goes with the schema. Runs under a
     * savepoint: a failure (e.g. no ledger table yet) is logged and leaves the transaction usable; a stale row is
     * harmless anyway (it names a history table that no longer exists) and the next fleet run prunes it.
     */
    @Override
    public void dropped(Connection transaction, SchemaName schema) {
        operations.dropped(transaction, Objects.requireNonNull(schema, "schema"));
    }

    /**
     * What {@link #migrateAll()} would apply now: the shared schema's pending migrations, those of each tenant
     * schema that is behind (read from its history table), and the tenants whose schema is missing.
     */
    public MigrationPlan plan() {
        return operations.plan();
    }

    /**
     * Where every tenant's schema stands, by schema name, read in one query from the ledger and the catalogue (the
     * migrations are scanned, no schema is touched by Flyway): cheap enough for health checks and status pages.
     * {@link SchemaStatus.State#BEHIND} means "not certified": the schema may have pending migrations, which
     * {@link #plan(SchemaName)} lists.
     */
    public List<SchemaStatus> status() {
        return operations.status();
    }

    /**
     * What a migration of {@code schema} (an existing schema) would apply now, read from its history table by
     * Flyway; takes no lock and changes nothing.
     */
    public PlannedSchema plan(SchemaName schema) {
        return operations.plan(Objects.requireNonNull(schema, "schema"));
    }

    /** What the shared migrations would apply to the shared schema now; takes no lock and changes nothing. */
    public PlannedSchema planShared() {
        return operations.planShared();
    }

    /**
     * Validates the shared schema and every tenant schema against the scanned migrations, reading each real history
     * table (the ledger is not trusted here, and loses the rows of schemas with problems). A checksum mismatch names
     * the schema and the migration's version. Pending migrations are not problems.
     */
    public ValidationReport validate() {
        return operations.validate();
    }

    private RunLock lock() {
        ConnectionBudget.workers(dataSource, 1);
        return RunLock.acquire(dataSource, operations.ledgerTable(), lockWait);
    }

    /** Builds a {@link TenantMigrator}; every setting has a default. */
    public static final class Builder {

        final DataSource dataSource;
        TenantTables tables = TenantTables.defaults();
        String sharedSchema = "public";
        List<String> sharedLocations = List.of("classpath:db/migration/shared");
        List<String> tenantLocations = List.of("classpath:db/migration/tenant");
        String historyTable = "flyway_schema_history";
        String ledgerTable = SqlIdentifiers.quoteQualified("public.tenancy_schema_versions", "ledger table");
        int parallelism = Math.max(2, Runtime.getRuntime().availableProcessors());
        Comparator<SchemaName> order = Comparator.naturalOrder();
        Duration lockWait = Duration.ofMinutes(10);
        final List<MigrationListener> listeners = new ArrayList<>();
        Consumer<FluentConfiguration> customizer = configuration -> { };

        private Builder(DataSource dataSource) {
            Objects.requireNonNull(dataSource, "dataSource");
            this.dataSource = dataSource;
        }

        /** Where the tenant rows are; default {@link TenantTables#defaults()}. */
        public Builder tables(TenantTables tables) {
            this.tables = Objects.requireNonNull(tables, "tables");
            return this;
        }

        /** The schema the shared migrations go to; default {@code public}. */
        public Builder sharedSchema(String sharedSchema) {
            SqlIdentifiers.quote(sharedSchema, "shared schema");
            this.sharedSchema = sharedSchema;
            return this;
        }

        /** Flyway locations of the shared migrations; default {@code classpath:db/migration/shared}. */
        public Builder sharedLocations(String... locations) {
            this.sharedLocations = locations(locations, "shared");
            return this;
        }

        /** Flyway locations of the tenant migrations; default {@code classpath:db/migration/tenant}. */
        public Builder tenantLocations(String... locations) {
            this.tenantLocations = locations(locations, "tenant");
            return this;
        }

        /** The name of the Flyway history table in each schema; default {@code flyway_schema_history}. */
        public Builder historyTable(String historyTable) {
            SqlIdentifiers.quote(historyTable, "history table");
            this.historyTable = historyTable;
            return this;
        }

        /**
         * The ledger table, optionally schema-qualified (unqualified: in {@code public}); default
         * {@code public.tenancy_schema_versions}. Created when missing. It also names the run lock: migrators with
         * different ledgers do not wait for each other.
         */
        public Builder ledgerTable(String ledgerTable) {
            String qualified = ledgerTable != null && ledgerTable.indexOf('.') < 0 ? "public." + ledgerTable
                    : ledgerTable;
            this.ledgerTable = SqlIdentifiers.quoteQualified(qualified, "ledger table");
            return this;
        }

        /**
         * At most how many schemas migrate at once; default the number of processors (at least 2). With HikariCP the
         * migrator also stays below the pool's maximum size (it keeps one connection for the run's lock); lower this
         * to leave connections to a running application.
         */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /** The order tenant schemas are started in; default by schema name. */
        public Builder order(Comparator<SchemaName> order) {
            this.order = Objects.requireNonNull(order, "order");
            return this;
        }

        /**
         * How long a run waits for another run on the same database to finish before refusing; default ten
         * minutes. {@link Duration#ZERO} refuses at once.
         */
        public Builder lockWait(Duration lockWait) {
            if (lockWait == null || lockWait.isNegative()) {
                throw new IllegalArgumentException("lockWait must be zero or positive, was " + lockWait);
            }
            this.lockWait = lockWait;
            return this;
        }

        /** Adds a listener for events and progress. */
        public Builder listener(MigrationListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds Flyway settings for both migration sets, e.g. placeholders, callbacks, {@code baselineOnMigrate}. The
         * migrator sets the data source, locations, schemas, history table and lock mode itself, after this.
         */
        public Builder configure(Consumer<FluentConfiguration> customizer) {
            this.customizer = this.customizer.andThen(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /** Builds the migrator. */
        public TenantMigrator build() {
            return new TenantMigrator(this);
        }

        private static List<String> locations(String[] locations, String which) {
            if (locations == null || locations.length == 0) {
                throw new TenancyException("At least one location of the " + which + " migrations is required, "
                        + "e.g. classpath:db/migration/" + which + ".");
            }
            return List.of(locations);
        }
    }
}
