package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the indexes that {@code CREATE TABLE ... (LIKE ... INCLUDING INDEXES)} copied the names they have in the
 * source: LIKE names its copies by the default rules. A copy is matched to its original by table and
 * {@linkplain ClonePlan.Index#key() key}; identical indexes on one table are paired in creation order.
 */
final class IndexNames {

    /** An index's table, name, whether a constraint owns it, and its key, for the tables matching {@code %s}. */
    static final String INDEXES = """
            SELECT quote_ident(t.relname), quote_ident(ic.relname), k.oid IS NOT NULL,
                   coalesce(k.contype::text, '-') || ' ' || coalesce(pg_get_constraintdef(k.oid), '') || ' '
                   || x.indisunique::text || substr(pg_get_indexdef(ic.oid), strpos(pg_get_indexdef(ic.oid), ' USING '))
            FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            LEFT JOIN pg_constraint k ON k.conindid = x.indexrelid AND k.conrelid = x.indrelid
             AND k.contype IN ('p', 'u', 'x')
            WHERE %s ORDER BY ic.oid""";

    private IndexNames() {
    }

    /** The index and constraint renames that give the copies in {@code target} their source names. */
    static List<String> renames(Connection transaction, ClonePlan plan, SchemaName target) throws SQLException {
        Map<String, Deque<ClonePlan.Index>> copies = new HashMap<>();
        for (ClonePlan.Index copy : copies(transaction, plan, target)) {
            copies.computeIfAbsent(copy.table() + " " + copy.key(), key -> new ArrayDeque<>()).add(copy);
        }
        String to = target.quoted() + ".";
        List<String> temporary = new ArrayList<>();
        List<String> renames = new ArrayList<>();
        for (ClonePlan.Index index : plan.indexes()) {
            Deque<ClonePlan.Index> candidates = copies.get(index.table() + " " + index.key());
            ClonePlan.Index copy = candidates == null ? null : candidates.poll();
            if (copy == null) {
                throw new NotClonableException(plan.source(), List.of("index " + index.name()
                        + " (its copy could not be told apart)"));
            }
            if (!copy.name().equals(index.name())) {
                String parked = "\"_tenancy_index_" + temporary.size() + "\"";
                temporary.add(rename(to, copy, copy.name(), parked));
                renames.add(rename(to, copy, parked, index.name()));
            }
        }
        temporary.addAll(renames);
        return temporary;
    }

    private static String rename(String to, ClonePlan.Index index, String from, String name) {
        return index.constraint()
                ? "ALTER TABLE " + to + index.table() + " RENAME CONSTRAINT " + from + " TO " + name
                : "ALTER INDEX " + to + from + " RENAME TO " + name;
    }

    private static List<ClonePlan.Index> copies(Connection transaction, ClonePlan plan, SchemaName target)
            throws SQLException {
        List<String> tables = new ArrayList<>();
        for (ClonePlan.Table table : plan.tables()) {
            tables.add(target.quoted() + "." + table.name());
        }
        Array array = transaction.createArrayOf("text", tables.toArray());
        try (PreparedStatement select = Jdbc.prepare(transaction,
                INDEXES.formatted("x.indrelid = ANY (?::regclass[])"), array)) {
            return read(select);
        } finally {
            array.free();
        }
    }

    static List<ClonePlan.Index> read(PreparedStatement select) throws SQLException {
        List<ClonePlan.Index> indexes = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                indexes.add(new ClonePlan.Index(rows.getString(1), rows.getString(2), rows.getString(4),
                        rows.getBoolean(3)));
            }
        }
        return indexes;
    }
}
