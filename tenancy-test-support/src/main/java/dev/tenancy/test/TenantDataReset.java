package dev.tenancy.test;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Puts a tenant schema's data back to what its migrations left, between tests.
 *
 * <p>{@link #capture} records, right after the tenant is migrated, the rows the migrations wrote (with
 * {@code COPY ... TO STDOUT (FORMAT binary)}), every sequence's value and a fingerprint of the schema's data.
 * {@link #reset()} compares the fingerprint first (one query); when a test changed something it empties every table
 * of the schema in one {@code TRUNCATE} (the Flyway history table excepted), copies the recorded rows back (referenced
 * tables first), sets the sequences back, commits, and checks the fingerprint again. Tables and sequences in other
 * schemas, {@code public} included, are never touched. Tables a test creates itself are not known to the reset.
 */
final class TenantDataReset {

    /** How long a reset waits for locks that a test left behind (an open transaction) before it fails. */
    private static final String LOCK_TIMEOUT = "10s";

    private static final String TABLES = """
            SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid
                   AND a.attname IN ('installed_rank', 'checksum', 'success', 'installed_on')) < 4
            ORDER BY c.relname""";

    private static final String REFERENCES = """
            SELECT conrelid, confrelid FROM pg_constraint
            WHERE contype = 'f' AND connamespace = (SELECT oid FROM pg_namespace WHERE nspname = ?)""";

    private static final String SEQUENCES = """
            SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value, start_value
            FROM pg_sequences WHERE schemaname = ?""";

    private final DataSource pool;
    private final SchemaName schema;
    private final String fingerprintSql;
    private final String truncateSql;
    private final Map<String, byte[]> seededRows;
    private final List<Object[]> sequenceValues;
    private final String expectedFingerprint;

    private TenantDataReset(DataSource pool, SchemaName schema, List<String> tables, Map<String, byte[]> seededRows,
            List<Object[]> sequenceValues, Connection connection) throws SQLException {
        this.pool = pool;
        this.schema = schema;
        this.seededRows = seededRows;
        this.sequenceValues = sequenceValues;
        this.truncateSql = tables.isEmpty() ? null : "TRUNCATE " + String.join(", ", tables);
        this.fingerprintSql = fingerprintSql(tables, seededRows.keySet());
        this.expectedFingerprint = fingerprint(connection);
    }

    /** Records the state of {@code schema} as it is now (just migrated) to reset it to later. */
    static TenantDataReset capture(DataSource pool, SchemaName schema) {
        try (Connection connection = pool.getConnection()) {
            Map<Long, String> tables = new LinkedHashMap<>();
            try (PreparedStatement select = prepare(connection, TABLES, schema.value());
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tables.put(rows.getLong(1), rows.getString(2));
                }
            }
            Map<String, byte[]> seeded = new LinkedHashMap<>();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (long table : referencedFirst(connection, schema, tables.keySet())) {
                String name = tables.get(table);
                if (hasRows(connection, name)) {
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    copy.copyOut("COPY " + name + " TO STDOUT (FORMAT binary)", data);
                    seeded.put(name, data.toByteArray());
                }
            }
            return new TenantDataReset(pool, schema, List.copyOf(tables.values()), seeded, sequences(connection, schema),
                    connection);
        } catch (SQLException | IOException e) {
            throw new TenancyException("Could not record the migrated state of test tenant " + schema + ": "
                    + e.getMessage(), e);
        }
    }

    /** Resets the schema's data when a test changed it. */
    void reset() {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                resetIn(connection);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new TenancyException("Could not reset the data of test tenant " + schema + ": " + e.getMessage()
                    + ". A test may have left a transaction open on its tables.", e);
        }
    }

    private void resetIn(Connection transaction) throws SQLException, IOException {
        try (Statement statement = transaction.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
        }
        if (expectedFingerprint.equals(fingerprint(transaction))) {
            return;
        }
        if (truncateSql != null) {
            try (Statement statement = transaction.createStatement()) {
                statement.execute(truncateSql);
            }
        }
        CopyManager copy = transaction.unwrap(PGConnection.class).getCopyAPI();
        for (Map.Entry<String, byte[]> rows : seededRows.entrySet()) {
            copy.copyIn("COPY " + rows.getKey() + " FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(rows.getValue()));
        }
        restoreSequences(transaction);
        if (!expectedFingerprint.equals(fingerprint(transaction))) {
            throw new TenancyException("The data of test tenant " + schema + " could not be reset: it still differs "
                    + "from the migrated state. Did a test create tables or sequences in it?");
        }
    }

    private String fingerprint(Connection connection) throws SQLException {
        try (PreparedStatement select = prepare(connection, fingerprintSql, schema.value());
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return Objects.toString(rows.getString(1), "");
        }
    }

    /**
     * One query whose value changes whenever the data does: whether any table without migrated rows has rows, a
     * digest of each table with migrated rows, and each sequence's last value.
     */
    private static String fingerprintSql(List<String> tables, Set<String> seeded) {
        List<String> parts = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (String table : tables) {
            if (seeded.contains(table)) {
                parts.add("(SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) FROM " + table + " r)");
            } else {
                added.add("EXISTS (SELECT 1 FROM " + table + ")");
            }
        }
        parts.add(added.isEmpty() ? "'f'" : "(" + String.join(" OR ", added) + ")::text");
        parts.add("(SELECT coalesce(string_agg(sequencename || '=' || coalesce(last_value::text, '-'), ',' "
                + "ORDER BY sequencename), '') FROM pg_sequences WHERE schemaname = ?)");
        return "SELECT concat_ws('|', " + String.join(", ", parts) + ")";
    }

    private void restoreSequences(Connection connection) throws SQLException {
        if (sequenceValues.isEmpty()) {
            return;
        }
        try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
            for (Object[] sequence : sequenceValues) {
                setval.setString(1, (String) sequence[0]);
                setval.setLong(2, (Long) sequence[1]);
                setval.setBoolean(3, (Boolean) sequence[2]);
                setval.addBatch();
            }
            setval.executeBatch();
        }
    }

    private static List<Object[]> sequences(Connection connection, SchemaName schema) throws SQLException {
        List<Object[]> values = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, SEQUENCES, schema.value());
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long last = rows.getLong(2);
                boolean called = !rows.wasNull();
                values.add(new Object[] {rows.getString(1), called ? last : rows.getLong(3), called});
            }
        }
        return values;
    }

    /** The tables in an order where each comes after the tables it references (cycles keep any order). */
    private static List<Long> referencedFirst(Connection connection, SchemaName schema, Set<Long> tables)
            throws SQLException {
        Map<Long, List<Long>> references = new LinkedHashMap<>();
        try (PreparedStatement select = prepare(connection, REFERENCES, schema.value());
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                references.computeIfAbsent(rows.getLong(1), key -> new ArrayList<>()).add(rows.getLong(2));
            }
        }
        List<Long> ordered = new ArrayList<>();
        Set<Long> visiting = new HashSet<>();
        for (long table : tables) {
            visit(table, tables, references, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(long table, Set<Long> tables, Map<Long, List<Long>> references,
            Set<Long> visiting, List<Long> ordered) {
        if (ordered.contains(table) || !tables.contains(table) || !visiting.add(table)) {
            return;
        }
        for (long referenced : references.getOrDefault(table, List.of())) {
            visit(referenced, tables, references, visiting, ordered);
        }
        ordered.add(table);
    }

    private static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String parameter)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, parameter);
        return statement;
    }
}
