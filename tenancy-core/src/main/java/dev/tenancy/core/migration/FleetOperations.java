package dev.tenancy.core.migration;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.migration.MigrationPlan.PlannedSchema;
import dev.tenancy.core.migration.MigrationReport.SchemaResult.Outcome;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;
import dev.tenancy.core.migration.SchemaLedger.Fleet;
import dev.tenancy.core.migration.ValidationReport.Problem;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

/** The work behind {@link TenantMigrator}'s operations; the migrator adds the run lock around it. */
final class FleetOperations {

    private final DataSource dataSource;
    private final FlywaySettings settings;
    private final String sharedSchema;
    private final List<String> sharedLocations;
    private final List<String> tenantLocations;
    private final SchemaLedger ledger;
    private final int parallelism;
    private final Comparator<SchemaName> order;
    private final Listeners listeners;

    /** {@code dataSource}: the pool with the shared path set on every connection it hands out. */
    FleetOperations(TenantMigrator.Builder builder, DataSource dataSource) {
        this.dataSource = dataSource;
        this.settings = new FlywaySettings(dataSource, builder.customizer, builder.historyTable,
                Thread.currentThread().getContextClassLoader());
        this.sharedSchema = builder.sharedSchema;
        this.sharedLocations = List.copyOf(builder.sharedLocations);
        this.tenantLocations = List.copyOf(builder.tenantLocations);
        this.ledger = new SchemaLedger(dataSource, builder.ledgerTable, builder.tables, builder.historyTable);
        this.parallelism = builder.parallelism;
        this.order = builder.order;
        this.listeners = new Listeners(builder.listeners);
    }

    /** The ledger table's quoted name, which also names the run lock. */
    String ledgerTable() {
        return ledger.table();
    }

    /** Migrates the shared schema (created when missing). */
    MigrationReport shared() {
        long start = System.nanoTime();
        SchemaResult result = SchemaFlyway.scan(settings, sharedLocations, listeners)
                .migrate(MigrationTarget.shared(sharedSchema), true);
        return new MigrationReport(List.of(result), 0, 0, since(start));
    }

    /** Migrates every fleet tenant the ledger does not certify; {@code connection} holds the run lock. */
    MigrationReport tenants(Connection connection) {
        long start = System.nanoTime();
        SchemaFlyway flyway = SchemaFlyway.scan(settings, tenantLocations, listeners);
        ledger.ensureExists(connection);
        ledger.prune(connection);
        Fleet fleet = ledger.read(connection, flyway.fingerprint());
        List<SchemaResult> results = new ArrayList<>();
        fleet.invalid().forEach(name -> results.add(report(new SchemaResult(new MigrationTarget(name,
                MigrationTarget.Kind.TENANT), Outcome.FAILED, null, null, List.of(), Duration.ZERO,
                new TenancyException(invalidMessage(name))))));
        fleet.missing().forEach(schema -> results.add(missing(schema)));
        FleetExecutor.Pass<SchemaResult> pass = executor().run(ordered(fleet.behind()),
                schema -> migrateTenant(flyway, schema, false), SchemaResult::isFailure);
        results.addAll(pass.results());
        return new MigrationReport(results, fleet.upToDate(), pass.notAttempted(), since(start));
    }

    /** The report for a run whose shared migrations failed: every tenant schema counted as not attempted. */
    MigrationReport tenantsNotAttempted(Connection connection) {
        if (!ledger.tenantTableExists(connection)) {
            return new MigrationReport(List.of(), 0, 0, Duration.ZERO);
        }
        ledger.ensureExists(connection);
        Fleet fleet = ledger.read(connection, null);
        int tenants = fleet.behind().size() + fleet.missing().size() + fleet.invalid().size();
        return new MigrationReport(List.of(), 0, tenants, Duration.ZERO);
    }

    /** Migrates one tenant's schema with Flyway, whatever the ledger says; refuses schemas no tenant owns. */
    MigrationReport tenant(Connection connection, SchemaName schema) {
        SchemaLedger.Lookup lookup = ledger.lookup(connection, schema);
        if (!lookup.tenant()) {
            throw new TenancyException(lookup.schemaExists()
                    ? "Schema '" + schema + "' exists but is not a tenant's: no row of the tenant table owns it. "
                    + "Only tenant schemas are migrated one by one; check the name."
                    : "Unknown schema '" + schema + "': no tenant owns it and it does not exist. Check the name.");
        }
        long start = System.nanoTime();
        ledger.ensureExists(connection);
        SchemaFlyway flyway = SchemaFlyway.scan(settings, tenantLocations, listeners);
        SchemaResult result = lookup.schemaExists() ? migrateTenant(flyway, schema, false) : missing(schema);
        return new MigrationReport(List.of(result), 0, 0, since(start));
    }

    /** Creates (when missing) and migrates {@code schema}, tenant row or not: the provisioning seam. */
    SchemaResult create(SchemaName schema) {
        SchemaFlyway flyway = SchemaFlyway.scan(settings, tenantLocations, listeners);
        try (Connection connection = dataSource.getConnection()) {
            ledger.ensureExists(connection);
        } catch (SQLException e) {
            throw new TenancyException("Could not connect to migrate schema " + schema + ": " + e.getMessage(), e);
        }
        return migrateTenant(flyway, schema, true);
    }

    /** Gives {@code target}, a fresh copy of {@code source}, the ledger row of {@code source}; see the migrator. */
    void copied(Connection transaction, SchemaName source, SchemaName target) {
        ledger.copy(transaction, source, target);
    }

    /** Forgets {@code schema}, just dropped in {@code transaction}; see the migrator. */
    void dropped(Connection transaction, SchemaName schema) {
        ledger.forget(transaction, schema);
    }

    /** Every tenant's schema state, from the ledger and the catalogue; no Flyway run. */
    List<SchemaStatus> status() {
        SchemaFlyway flyway = SchemaFlyway.scan(settings, tenantLocations, listeners);
        try (Connection connection = dataSource.getConnection()) {
            ledger.ensureExists(connection);
            return ledger.status(connection, flyway.fingerprint());
        } catch (SQLException e) {
            throw new TenancyException("Could not connect to read the tenants: " + e.getMessage(), e);
        }
    }

    /** What a migration of one tenant's existing schema would apply now, read from its history table. */
    PlannedSchema plan(SchemaName schema) {
        return SchemaFlyway.scan(settings, tenantLocations, listeners).plan(MigrationTarget.tenant(schema));
    }

    /** What the shared schema's migration would apply now. */
    PlannedSchema planShared() {
        return SchemaFlyway.scan(settings, sharedLocations, listeners).plan(MigrationTarget.shared(sharedSchema));
    }

    /** Asks Flyway what is pending in the shared schema and in each tenant schema the ledger does not certify. */
    MigrationPlan plan() {
        PlannedSchema shared = SchemaFlyway.scan(settings, sharedLocations, listeners)
                .plan(MigrationTarget.shared(sharedSchema));
        SchemaFlyway flyway = SchemaFlyway.scan(settings, tenantLocations, listeners);
        Fleet fleet = readFleet(flyway.fingerprint());
        List<PlannedSchema> behind = executor().run(ordered(fleet.behind()),
                schema -> flyway.plan(MigrationTarget.tenant(schema)), planned -> false).results();
        List<PlannedSchema> tenants = new ArrayList<>();
        fleet.missing().forEach(schema -> tenants.add(
                new PlannedSchema(MigrationTarget.tenant(schema), null, List.of(), true)));
        behind.stream().filter(planned -> !planned.isUpToDate()).forEach(tenants::add);
        int upToDate = fleet.upToDate() + (int) behind.stream().filter(PlannedSchema::isUpToDate).count();
        return new MigrationPlan(shared, tenants, upToDate);
    }

    /** Validates the shared schema and every fleet tenant's history table; forgets the ledger rows of bad ones. */
    ValidationReport validate() {
        List<Problem> problems = new ArrayList<>(SchemaFlyway.scan(settings, sharedLocations, listeners)
                .validate(MigrationTarget.shared(sharedSchema)));
        SchemaFlyway flyway = SchemaFlyway.scan(settings, tenantLocations, listeners);
        Fleet fleet = readFleet(null);
        fleet.missing().forEach(schema -> problems.add(new Problem(schema.value(), null, missingMessage(schema))));
        fleet.invalid().forEach(name -> problems.add(new Problem(name, null, invalidMessage(name))));
        for (List<Problem> found : executor().run(ordered(fleet.behind()),
                schema -> flyway.validate(MigrationTarget.tenant(schema)), found -> !found.isEmpty()).results()) {
            if (!found.isEmpty()) {
                ledger.forget(found.get(0).schema());
                problems.addAll(found);
            }
        }
        int schemas = 1 + fleet.behind().size() + fleet.missing().size() + fleet.invalid().size();
        return new ValidationReport(schemas, problems);
    }

    private SchemaResult migrateTenant(SchemaFlyway flyway, SchemaName schema, boolean createSchema) {
        SchemaResult result = flyway.migrate(MigrationTarget.tenant(schema), createSchema);
        if (result.isFailure()) {
            ledger.recordFailure(schema, result.versionAfter());
        } else {
            ledger.record(schema, result.versionAfter(), flyway.fingerprint());
        }
        return result;
    }

    private SchemaResult missing(SchemaName schema) {
        return report(new SchemaResult(MigrationTarget.tenant(schema), Outcome.SCHEMA_MISSING, null, null, List.of(),
                Duration.ZERO, new TenancyException(missingMessage(schema))));
    }

    private SchemaResult report(SchemaResult result) {
        listeners.afterSchema(result);
        return result;
    }

    private static String missingMessage(SchemaName schema) {
        return "Schema " + schema + ": missing. A tenant row owns it but the schema does not exist; restore it from "
                + "a backup, or re-create it through the provisioner (SchemaMigrator.migrate creates and migrates it).";
    }

    private static String invalidMessage(String name) {
        return "Tenant row with schema_name '" + name + "': not a valid schema name (up to "
                + SchemaName.MAX_BYTES + " bytes of [a-z_][a-z0-9_]*, not starting with pg_); fix the row.";
    }

    private Fleet readFleet(String fingerprint) {
        try (Connection connection = dataSource.getConnection()) {
            ledger.ensureExists(connection);
            return ledger.read(connection, fingerprint);
        } catch (SQLException e) {
            throw new TenancyException("Could not connect to read the tenants: " + e.getMessage(), e);
        }
    }

    private List<SchemaName> ordered(List<SchemaName> schemas) {
        return schemas.stream().sorted(order).toList();
    }

    private FleetExecutor executor() {
        return new FleetExecutor(ConnectionBudget.workers(dataSource, parallelism), listeners);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
