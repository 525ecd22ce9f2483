package dev.tenancy.core.migration;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import java.lang.System.Logger.Level;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The fleet's view of its tenant schemas: which tenants exist, whose schema is missing, and the ledger table that
 * remembers, per tenant schema, the fingerprint of the migration set it was last brought up to date with.
 *
 * <p>A ledger row certifies "the history table with this oid in this schema held every migration of the set with
 * this fingerprint". One query compares every tenant's row with the current fingerprint and with the catalog: a
 * missing schema, a missing or re-created history table (restored, cloned, dropped) or a different fingerprint makes
 * the schema "behind", and only those get a Flyway run. The ledger is only ever a shortcut: deleting rows (or the
 * whole table) is always safe and merely makes the next run check those schemas with Flyway again.
 */
final class SchemaLedger {

    private static final System.Logger LOG = System.getLogger(SchemaLedger.class.getName());
    private static final String FLEET_STATUSES = "('" + TenantStatus.ACTIVE.name() + "', '"
            + TenantStatus.INACTIVE.name() + "')";

    /*
     * Whether a tenant's schema exists, and its history table's oid, looked up row by row in the catalogue caches
     * rather than by joining pg_namespace and pg_class: right after many tenants were created, before autovacuum has
     * analysed the tables, the planner takes the tenant table for a few rows and pg_class's history tables for one,
     * and a join then scans every history table once per tenant (quadratic: 4 s for 10,000 tenants). The lookups cost
     * the same whatever the statistics say. The second parameter of the statement is the history table's name.
     */
    private static final String SCHEMA_EXISTS = "to_regnamespace(quote_ident(t.schema_name)) IS NOT NULL";
    private static final String HISTORY_TABLE = "to_regclass(quote_ident(t.schema_name) || '.' || quote_ident(?))::oid";

    /** The fingerprint of a schema whose last migration failed; no migration set has it. */
    private static final String FAILED = "failed";

    private final DataSource dataSource;
    private final String ledgerTable;
    private final String tenantTable;
    private final String historyTable;

    /**
     * @param ledgerTable the quoted, qualified ledger table
     * @param historyTable the bare name of each schema's Flyway history table
     */
    SchemaLedger(DataSource dataSource, String ledgerTable, TenantTables tables, String historyTable) {
        this.dataSource = dataSource;
        this.ledgerTable = ledgerTable;
        this.tenantTable = tables.tenantTable();
        this.historyTable = historyTable;
    }

    /**
     * The tenant schemas of the fleet (tenants in state ACTIVE or INACTIVE; PROVISIONING ones belong to the
     * provisioner) sorted by name.
     *
     * @param behind schemas that need a Flyway run
     * @param missing schemas whose tenant row exists but whose schema does not
     * @param invalid schema names in the tenant table that are not valid schema names
     * @param upToDate how many schemas the ledger certifies as up to date
     */
    record Fleet(List<SchemaName> behind, List<SchemaName> missing, List<String> invalid, int upToDate) {
    }

    /** The ledger table's name, quoted. */
    String table() {
        return ledgerTable;
    }

    /** Whether the tenant table exists (before the first shared migration, it may not). */
    boolean tenantTableExists(Connection connection) {
        try (PreparedStatement select = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            select.setString(1, tenantTable);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new TenancyException("Could not look for the tenant table " + tenantTable + ": "
                    + e.getMessage(), e);
        }
    }

    /** Creates the ledger table unless it exists. */
    void ensureExists(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + ledgerTable + " (schema_name varchar(63) PRIMARY KEY, "
                    + "version varchar(50), fingerprint varchar(64) NOT NULL, history_table oid, "
                    + "migrated_at timestamptz NOT NULL)");
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                throw new TenancyException("Could not create the migration ledger " + ledgerTable + ": "
                        + e.getMessage() + ". The user needs CREATE on its schema.", e);
            }
        }
    }

    /**
     * Reads the fleet in one query. With a {@code fingerprint}, schemas whose ledger row matches it (and whose
     * history table is the one the row names) count as up to date; with {@code null}, every schema is behind.
     */
    Fleet read(Connection connection, String fingerprint) {
        String sql = "SELECT count(*) FILTER (WHERE current),"
                + " array_agg(schema_name ORDER BY schema_name) FILTER (WHERE NOT current AND schema_exists),"
                + " array_agg(schema_name ORDER BY schema_name) FILTER (WHERE NOT schema_exists)"
                + " FROM (SELECT t.schema_name, " + SCHEMA_EXISTS + " AS schema_exists,"
                + " coalesce(l.fingerprint = ? AND l.history_table = " + HISTORY_TABLE + ", false) AS current"
                + " FROM " + tenantTable + " t"
                + " LEFT JOIN " + ledgerTable + " l ON l.schema_name = t.schema_name"
                + " WHERE t.status IN " + FLEET_STATUSES + ") fleet";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, fingerprint);
            select.setString(2, historyTable);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                List<String> invalid = new ArrayList<>();
                List<SchemaName> behind = names(rows.getArray(2), invalid);
                List<SchemaName> missing = names(rows.getArray(3), invalid);
                return new Fleet(behind, missing, invalid, rows.getInt(1));
            }
        } catch (SQLException e) {
            throw new TenancyException("Could not read the tenant table " + tenantTable + ": " + e.getMessage()
                    + ". Run the shared migrations (which create it) first.", e);
        }
    }

    private static List<SchemaName> names(Array array, List<String> invalid) throws SQLException {
        List<SchemaName> names = new ArrayList<>();
        if (array == null) {
            return names;
        }
        for (Object name : (Object[]) array.getArray()) {
            if (SchemaName.isValid((String) name)) {
                names.add(SchemaName.of((String) name));
            } else {
                invalid.add((String) name);
            }
        }
        array.free();
        return names;
    }

    /** Whether a tenant row owns {@code schema}, and whether the schema exists. */
    record Lookup(boolean tenant, boolean schemaExists) {
    }

    Lookup lookup(Connection connection, SchemaName schema) {
        String sql = "SELECT EXISTS (SELECT 1 FROM " + tenantTable + " WHERE schema_name = ?),"
                + " EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?)";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, schema.value());
            select.setString(2, schema.value());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return new Lookup(rows.getBoolean(1), rows.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new TenancyException("Could not read the tenant table " + tenantTable + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the rows of schemas no tenant owns any more (dropped or renamed tenants). */
    void prune(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + ledgerTable + " l WHERE NOT EXISTS (SELECT 1 FROM "
                    + tenantTable + " t WHERE t.schema_name = l.schema_name)");
        } catch (SQLException e) {
            throw new TenancyException("Could not prune the migration ledger " + ledgerTable + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Records that {@code schema} is up to date with the set of {@code fingerprint} at {@code version}. Best effort:
     * a failure only means the next run checks the schema with Flyway again.
     */
    void record(SchemaName schema, String version, String fingerprint) {
        String sql = "INSERT INTO " + ledgerTable + " (schema_name, version, fingerprint, history_table, migrated_at)"
                + " VALUES (?, ?, ?, to_regclass(?)::oid, now()) ON CONFLICT (schema_name) DO UPDATE SET"
                + " version = excluded.version, fingerprint = excluded.fingerprint,"
                + " history_table = excluded.history_table, migrated_at = excluded.migrated_at";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, schema.value());
            upsert.setString(2, version);
            upsert.setString(3, fingerprint);
            upsert.setString(4, history(schema));
            upsert.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not record schema " + schema + " in the migration ledger " + ledgerTable
                    + "; the next run will check it with Flyway again: " + e.getMessage());
        }
    }

    /**
     * Inside {@code transaction}, gives {@code target} (just created there as a copy of {@code source}, history table
     * included) a row like {@code source}'s, naming {@code target}'s own history table, when {@code source}'s row
     * certifies the history table {@code source} has now. Best effort under a savepoint, so a failure leaves the
     * caller's transaction usable.
     */
    void copy(Connection transaction, SchemaName source, SchemaName target) {
        String sql = "INSERT INTO " + ledgerTable + " (schema_name, version, fingerprint, history_table, migrated_at)"
                + " SELECT ?, l.version, l.fingerprint, to_regclass(?)::oid, now() FROM " + ledgerTable + " l"
                + " WHERE l.schema_name = ? AND l.history_table = to_regclass(?)::oid"
                + " ON CONFLICT (schema_name) DO UPDATE SET version = excluded.version,"
                + " fingerprint = excluded.fingerprint, history_table = excluded.history_table,"
                + " migrated_at = excluded.migrated_at";
        Savepoint savepoint = null;
        try {
            if (!exists(transaction)) {
                return;
            }
            savepoint = transaction.setSavepoint();
            try (PreparedStatement insert = transaction.prepareStatement(sql)) {
                insert.setString(1, target.value());
                insert.setString(2, history(target));
                insert.setString(3, source.value());
                insert.setString(4, history(source));
                insert.executeUpdate();
            }
            transaction.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            rollback(transaction, savepoint);
            LOG.log(Level.WARNING, "Could not record schema " + target + " (a copy of " + source + ") in the "
                    + "migration ledger " + ledgerTable + "; the next run will check it with Flyway: "
                    + e.getMessage());
        }
    }

    /**
     * Inside {@code transaction}, deletes {@code schema}'s row (the schema was just dropped there). Best effort under
     * a savepoint, so a failure leaves the caller's transaction usable.
     */
    void forget(Connection transaction, SchemaName schema) {
        Savepoint savepoint = null;
        try {
            if (!exists(transaction)) {
                return;
            }
            savepoint = transaction.setSavepoint();
            try (PreparedStatement delete = transaction.prepareStatement("DELETE FROM " + ledgerTable
                    + " WHERE schema_name = ?")) {
                delete.setString(1, schema.value());
                delete.executeUpdate();
            }
            transaction.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            rollback(transaction, savepoint);
            LOG.log(Level.WARNING, "Could not remove the dropped schema " + schema + " from the migration ledger "
                    + ledgerTable + "; the next run prunes it: " + e.getMessage());
        }
    }

    private boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            select.setString(1, ledgerTable);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static void rollback(Connection transaction, Savepoint savepoint) {
        if (savepoint == null) {
            return;
        }
        try {
            transaction.rollback(savepoint);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not roll back to the savepoint around a migration ledger write: "
                    + e.getMessage());
        }
    }

    private String history(SchemaName schema) {
        return schema.quoted() + ".\"" + historyTable + "\"";
    }

    /**
     * Records that {@code schema}'s last migration failed: a row no fingerprint matches (so the next run migrates it
     * again) that {@link #status} reports as failed. Best effort, like {@link #record}.
     */
    void recordFailure(SchemaName schema, String version) {
        String sql = "INSERT INTO " + ledgerTable + " (schema_name, version, fingerprint, history_table, migrated_at)"
                + " VALUES (?, ?, '" + FAILED + "', NULL, now()) ON CONFLICT (schema_name) DO UPDATE SET"
                + " version = excluded.version, fingerprint = excluded.fingerprint, history_table = NULL,"
                + " migrated_at = excluded.migrated_at";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, schema.value());
            upsert.setString(2, version);
            upsert.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not record the failed migration of schema " + schema + " in the migration "
                    + "ledger " + ledgerTable + ": " + e.getMessage());
        }
    }

    /**
     * Every tenant's schema state in one query, by schema name: {@code fingerprint} is the current migration set's.
     */
    List<SchemaStatus> status(Connection connection, String fingerprint) {
        String sql = "SELECT t.schema_name, t.status, l.version, " + SCHEMA_EXISTS + ","
                + " coalesce(l.fingerprint = ? AND l.history_table = " + HISTORY_TABLE + ", false),"
                + " l.fingerprint = '" + FAILED + "'"
                + " FROM " + tenantTable + " t"
                + " LEFT JOIN " + ledgerTable + " l ON l.schema_name = t.schema_name ORDER BY t.schema_name";
        List<SchemaStatus> states = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, fingerprint);
            select.setString(2, historyTable);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String status = rows.getString(2);
                    SchemaStatus.State state;
                    if (TenantStatus.PROVISIONING.name().equals(status)) {
                        state = SchemaStatus.State.PROVISIONING;
                    } else if (!rows.getBoolean(4)) {
                        state = SchemaStatus.State.SCHEMA_MISSING;
                    } else if (rows.getBoolean(5)) {
                        state = SchemaStatus.State.UP_TO_DATE;
                    } else if (rows.getBoolean(6)) {
                        state = SchemaStatus.State.FAILED;
                    } else {
                        state = SchemaStatus.State.BEHIND;
                    }
                    states.add(new SchemaStatus(rows.getString(1), status, rows.getString(3), state));
                }
            }
        } catch (SQLException e) {
            throw new TenancyException("Could not read the tenant table " + tenantTable + ": " + e.getMessage(), e);
        }
        return states;
    }

    /** Forgets {@code schema}, so that the next run checks it with Flyway. */
    void forget(String schema) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM " + ledgerTable + " WHERE schema_name = ?")) {
            delete.setString(1, schema);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not remove schema " + schema + " from the migration ledger "
                    + ledgerTable + ": " + e.getMessage());
        }
    }
}
