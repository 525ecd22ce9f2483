package dev.tenancy.test;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantTables;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Puts a tenant schema's data back to what its migrations left, between tests.
 *
 * <p>{@link #capture} records, right after the tenant is migrated, the rows the migrations wrote (with
 * {@code COPY ... TO STDOUT (FORMAT binary)}), every sequence's state, and a fingerprint of the schema's data: for
 * each table a digest of its rows (tables the migrations filled) or how many rows it has, up to
 * {@value #FEW_ROWS}, and each sequence's last value. {@link #reset()} reads the fingerprint (one round trip) and
 * does nothing more when no test changed anything. Otherwise, in one transaction, it empties every table of the
 * schema but the Flyway history table, with {@code DELETE} in foreign-key order (much cheaper than {@code TRUNCATE}
 * for the few rows tests write), or with one {@code TRUNCATE} when a table holds {@value #FEW_ROWS} rows or more or
 * the tables reference each other in a cycle; copies the recorded rows back, referenced tables first; sets the
 * sequences back; and checks the fingerprint again before committing. Captured for a tenant, it also puts the
 * tenant's own row and domain rows back ({@link TenantRowReset}) in the same transaction, and says so; nothing else
 * outside the schema is touched. Tables a test creates itself are not known to the reset.
 */
final class TenantDataReset {

    /** Up to this many rows in a table, {@code DELETE} is cheaper than {@code TRUNCATE}. */
    static final int FEW_ROWS = 1000;

    /** How long a reset waits for locks that a test left behind (an open transaction) before it fails. */
    private static final String LOCK_TIMEOUT = "10s";

    private static final String TABLES = """
            SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid
                   AND a.attname IN ('installed_rank', 'checksum', 'success', 'installed_on')) < 4
            ORDER BY c.relname""";

    private static final String SEQUENCES = """
            SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value, start_value
            FROM pg_sequences WHERE schemaname = ?""";

    private final DataSource pool;
    private final SchemaName schema;
    private final String fingerprintSql;
    private final List<String> counted;
    private final String emptySql;
    private final String truncateSql;
    private final Map<String, byte[]> seededRows;
    private final List<Sequence> sequences;
    private final TenantRowReset tenantRows;
    private final int schemaParts;
    private final List<String> expected;

    private TenantDataReset(DataSource pool, SchemaName schema, TableOrder order, Map<String, byte[]> seededRows,
            List<Sequence> sequences, TenantRowReset tenantRows, Connection connection) throws SQLException {
        this.pool = pool;
        this.schema = schema;
        this.seededRows = seededRows;
        this.sequences = sequences;
        this.tenantRows = tenantRows;
        List<String> referencingFirst = order.referencingFirst();
        this.counted = referencingFirst.stream().filter(table -> !seededRows.containsKey(table)).toList();
        this.truncateSql = referencingFirst.isEmpty() ? "" : "TRUNCATE " + String.join(", ", referencingFirst);
        this.emptySql = order.cyclic() ? truncateSql : String.join("; ", referencingFirst.stream()
                .map(table -> "DELETE FROM " + table).toList());
        List<String> parts = fingerprintParts(schema, counted, seededRows.keySet());
        this.schemaParts = parts.size();
        if (tenantRows != null) {
            parts.addAll(tenantRows.fingerprintParts());
        }
        this.fingerprintSql = "SELECT ARRAY[" + String.join(", ", parts) + "]";
        this.expected = fingerprint(connection);
    }

    /** Records the state of {@code schema} as it is now (just migrated) to reset it to later. */
    static TenantDataReset capture(DataSource pool, SchemaName schema) {
        return capture(pool, schema, null, 0);
    }

    /**
     * Records the state of {@code tenant}'s schema as it is now (just created), and of its own rows in
     * {@code tables}, to reset them to later.
     */
    static TenantDataReset capture(DataSource pool, TestTenant tenant, TenantTables tables) {
        return capture(pool, tenant.schema(), tables, tenant.id());
    }

    private static TenantDataReset capture(DataSource pool, SchemaName schema, TenantTables tenantTables,
            long tenantId) {
        try (Connection connection = pool.getConnection()) {
            Map<Long, String> tables = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(TABLES)) {
                select.setString(1, schema.value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        tables.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
            TableOrder order = TableOrder.of(connection, schema, tables);
            Map<String, byte[]> seeded = new LinkedHashMap<>();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : order.referencedFirst()) {
                if (hasRows(connection, table)) {
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", data);
                    seeded.put(table, data.toByteArray());
                }
            }
            TenantRowReset tenantRows = tenantTables == null ? null
                    : TenantRowReset.capture(connection, tenantTables, tenantId);
            return new TenantDataReset(pool, schema, order, seeded, sequences(connection, schema), tenantRows,
                    connection);
        } catch (SQLException | IOException e) {
            throw new TenancyException("Could not record the migrated state of test tenant " + schema + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Resets the schema's data (and the tenant's own rows) when a test changed it.
     *
     * @return whether the tenant's own rows were put back, so that caches of tenant lookups must forget the tenant
     */
    boolean reset() {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean tenantRowsRestored = resetIn(connection);
                connection.commit();
                return tenantRowsRestored;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new TenancyException("Could not reset the data of test tenant " + schema + ": " + e.getMessage()
                    + ". A test may have left a transaction open on its tables.", e);
        }
    }

    private boolean resetIn(Connection transaction) throws SQLException, IOException {
        List<String> found;
        try (Statement statement = transaction.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'; " + fingerprintSql);
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                found = values(rows);
            }
        }
        if (expected.equals(found)) {
            return false;
        }
        if (!expected.subList(0, schemaParts).equals(found.subList(0, schemaParts))) {
            resetSchema(transaction, found.subList(0, counted.size()).contains(Integer.toString(FEW_ROWS)));
        }
        boolean tenantRowsChanged = !expected.subList(schemaParts, expected.size())
                .equals(found.subList(schemaParts, found.size()));
        if (tenantRowsChanged) {
            tenantRows.restore(transaction);
        }
        if (!expected.equals(fingerprint(transaction))) {
            throw new TenancyException("The data of test tenant " + schema + " could not be reset: it still differs "
                    + "from the state it was created in. Did a test create tables or sequences in it, or delete its "
                    + "tenant row?");
        }
        return tenantRowsChanged;
    }

    private void resetSchema(Connection transaction, boolean manyRows) throws SQLException, IOException {
        try (Statement statement = transaction.createStatement()) {
            statement.execute(manyRows ? truncateSql : emptySql);
        }
        CopyManager copy = transaction.unwrap(PGConnection.class).getCopyAPI();
        for (Map.Entry<String, byte[]> rows : seededRows.entrySet()) {
            copy.copyIn("COPY " + rows.getKey() + " FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(rows.getValue()));
        }
        restoreSequences(transaction);
    }

    private List<String> fingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(fingerprintSql)) {
            return values(rows);
        }
    }

    private static List<String> values(ResultSet rows) throws SQLException {
        rows.next();
        Array array = rows.getArray(1);
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    /**
     * The parts of one query whose value changes whenever the schema's data does: for each table without migrated
     * rows how many rows it has (counted up to {@value #FEW_ROWS}), a digest of each table with migrated rows, the
     * sequences' last values.
     */
    private static List<String> fingerprintParts(SchemaName schema, List<String> counted, Iterable<String> seeded) {
        List<String> parts = new ArrayList<>();
        for (String table : counted) {
            parts.add("(SELECT count(*) FROM (SELECT FROM " + table + " LIMIT " + FEW_ROWS + ") r)::text");
        }
        for (String table : seeded) {
            parts.add("(SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) FROM " + table + " r)");
        }
        parts.add("(SELECT coalesce(string_agg(sequencename || '=' || coalesce(last_value::text, '-'), ',' "
                + "ORDER BY sequencename), '') FROM pg_sequences WHERE schemaname = '" + schema.value() + "')");
        return parts;
    }

    private void restoreSequences(Connection connection) throws SQLException {
        if (sequences.isEmpty()) {
            return;
        }
        try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
            for (Sequence sequence : sequences) {
                setval.setString(1, sequence.name());
                setval.setLong(2, sequence.value());
                setval.setBoolean(3, sequence.called());
                setval.addBatch();
            }
            setval.executeBatch();
        }
    }

    private static List<Sequence> sequences(Connection connection, SchemaName schema) throws SQLException {
        List<Sequence> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SEQUENCES)) {
            select.setString(1, schema.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long last = rows.getLong(2);
                    boolean called = !rows.wasNull();
                    values.add(new Sequence(rows.getString(1), called ? last : rows.getLong(3), called));
                }
            }
        }
        return values;
    }

    private static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT FROM " + table + ")")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    /** A sequence's state after the migrations: {@code setval(name, value, called)} restores it. */
    private record Sequence(String name, long value, boolean called) {
    }
}
