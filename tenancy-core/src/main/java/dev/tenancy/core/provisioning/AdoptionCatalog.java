package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue reads behind an adoption: a schema's relations (owned sequences left out, since they move with their
 * tables), the shared objects that depend on relations about to move, and a migration history.
 */
final class AdoptionCatalog {

    /** A table, partitioned table, view, materialized view or sequence, by PostgreSQL's {@code relkind}. */
    record Relation(String name, char kind) {

        String describe() {
            return word() + " " + name;
        }

        String word() {
            return switch (kind) {
                case 'v' -> "view";
                case 'm' -> "materialized view";
                case 'S' -> "sequence";
                default -> "table";
            };
        }

        /** The statement moving it into {@code target}. */
        String moveTo(String source, SchemaName target) {
            String keyword = switch (kind) {
                case 'v' -> "VIEW";
                case 'm' -> "MATERIALIZED VIEW";
                case 'S' -> "SEQUENCE";
                default -> "TABLE";
            };
            return "ALTER " + keyword + " \"" + source + "\".\"" + name + "\" SET SCHEMA " + target.quoted();
        }

        int order() {
            return kind == 'r' || kind == 'p' ? 0 : kind == 'S' ? 1 : 2;
        }
    }

    /** A row of a migration history: its version (null for Flyway's own rows) and rank. */
    record HistoryRow(String version, int rank) {
    }

    private AdoptionCatalog() {
    }

    /** The schema's relations by name, owned sequences excepted. */
    static Map<String, Relation> relations(Connection connection, String schema) throws SQLException {
        Map<String, Relation> relations = new LinkedHashMap<>();
        try (PreparedStatement select = Jdbc.prepare(connection, "SELECT c.relname, c.relkind::text FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? "
                + "AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 "
                + "FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid "
                + "AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))) ORDER BY c.relname", schema);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                relations.put(rows.getString(1), new Relation(rows.getString(1), rows.getString(2).charAt(0)));
            }
        }
        return relations;
    }

    /** Foreign keys of relations that stay, pointing at relations that move: each as a sentence. */
    static List<String> sharedReferences(Connection connection, String source, List<String> moving)
            throws SQLException {
        return sentences(connection, "WITH moving AS (SELECT c.oid FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ANY (?)) "
                + "SELECT format('The shared table %s.%s references %s with its foreign key %s; drop or move that "
                + "key first.', s.relnamespace::regnamespace, s.relname, t.relname, con.conname) "
                + "FROM pg_constraint con JOIN pg_class s ON s.oid = con.conrelid JOIN pg_class t "
                + "ON t.oid = con.confrelid WHERE con.contype = 'f' AND con.confrelid IN (SELECT oid FROM moving) "
                + "AND con.conrelid NOT IN (SELECT oid FROM moving) ORDER BY 1", source, moving);
    }

    /** Views that stay, reading relations that move: each as a sentence. */
    static List<String> sharedViews(Connection connection, String source, List<String> moving) throws SQLException {
        return sentences(connection, "WITH moving AS (SELECT c.oid FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ANY (?)) "
                + "SELECT DISTINCT format('The shared view %s.%s reads %s; move it too (tables option) or drop it "
                + "first.', v.relnamespace::regnamespace, v.relname, t.relname) FROM pg_depend d "
                + "JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class "
                + "JOIN pg_class t ON t.oid = d.refobjid WHERE d.classid = 'pg_rewrite'::regclass "
                + "AND d.refclassid = 'pg_class'::regclass AND d.refobjid IN (SELECT oid FROM moving) "
                + "AND v.oid NOT IN (SELECT oid FROM moving) AND v.oid <> d.refobjid ORDER BY 1", source, moving);
    }

    private static List<String> sentences(Connection connection, String sql, String source, List<String> moving)
            throws SQLException {
        List<String> found = new ArrayList<>();
        Array names = connection.createArrayOf("text", moving.toArray());
        try (PreparedStatement select = Jdbc.prepare(connection, sql, source, names);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        } finally {
            names.free();
        }
        return found;
    }

    /** The rows of {@code schema}'s history table, by rank; empty when it has none. */
    static List<HistoryRow> history(Connection connection, SchemaName schema, String historyTable)
            throws SQLException {
        String table = schema.quoted() + ".\"" + historyTable + "\"";
        if (Jdbc.queryString(connection, "SELECT to_regclass(?)::text", table) == null) {
            return List.of();
        }
        List<HistoryRow> history = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT version, installed_rank FROM " + table
                + " WHERE success ORDER BY installed_rank"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                history.add(new HistoryRow(rows.getString(1), rows.getInt(2)));
            }
        }
        return history;
    }
}
