package dev.tenancy.test;

import dev.tenancy.core.SchemaName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema's tables in foreign-key order: {@link #referencedFirst()} lists each table after the tables it references
 * (the order to insert rows in), {@link #referencingFirst()} the reverse (the order to delete them in). A table
 * referencing itself is fine; when tables reference each other in a cycle, {@link #cyclic()} says so and the order
 * is only partial.
 */
record TableOrder(List<String> referencedFirst, boolean cyclic) {

    private static final String REFERENCES = """
            SELECT conrelid, confrelid FROM pg_constraint
            WHERE contype = 'f' AND connamespace = (SELECT oid FROM pg_namespace WHERE nspname = ?)""";

    TableOrder {
        referencedFirst = List.copyOf(referencedFirst);
    }

    /** The order of {@code tables} (oid to quoted, qualified name), from the schema's foreign keys. */
    static TableOrder of(Connection connection, SchemaName schema, Map<Long, String> tables) throws SQLException {
        Map<Long, List<Long>> references = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(REFERENCES)) {
            select.setString(1, schema.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long from = rows.getLong(1);
                    long to = rows.getLong(2);
                    if (from != to) {
                        references.computeIfAbsent(from, key -> new ArrayList<>()).add(to);
                    }
                }
            }
        }
        Walk walk = new Walk(tables, references);
        for (long table : tables.keySet()) {
            walk.visit(table);
        }
        return new TableOrder(walk.ordered, walk.cyclic);
    }

    /** The tables, each before the tables it references. */
    List<String> referencingFirst() {
        List<String> reversed = new ArrayList<>(referencedFirst);
        Collections.reverse(reversed);
        return reversed;
    }

    /** A depth-first walk along the references; a table still on the path when reached again closes a cycle. */
    private static final class Walk {
        private final Map<Long, String> tables;
        private final Map<Long, List<Long>> references;
        private final Set<Long> done = new HashSet<>();
        private final Set<Long> onPath = new HashSet<>();
        private final List<String> ordered = new ArrayList<>();
        private boolean cyclic;

        Walk(Map<Long, String> tables, Map<Long, List<Long>> references) {
            this.tables = tables;
            this.references = references;
        }

        void visit(long table) {
            if (done.contains(table) || !tables.containsKey(table)) {
                return;
            }
            if (!onPath.add(table)) {
                cyclic = true;
                return;
            }
            for (long referenced : references.getOrDefault(table, List.of())) {
                visit(referenced);
            }
            onPath.remove(table);
            done.add(table);
            ordered.add(tables.get(table));
        }
    }
}
