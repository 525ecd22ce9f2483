package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link ClonePlan} from the catalogue, refusing schemas that hold what a clone could not reproduce exactly
 * (functions, types, triggers, policies, rules, partitioned or inherited tables, materialized views, grants, ...).
 * Runs inside the caller's transaction, with the source as the only schema on the {@code search_path} so that
 * PostgreSQL prints the source's own objects without their schema.
 */
final class ClonePlanReader {

    private static final String UNSUPPORTED = """
            WITH ns AS (SELECT ?::oid AS oid, (SELECT r.oid FROM pg_roles r WHERE r.rolname = ?) AS role)
            SELECT (pg_identify_object(d.classid, d.objid, 0)).type || ' '
                   || (pg_identify_object(d.classid, d.objid, 0)).identity FROM pg_depend d, ns
             WHERE d.refclassid = 'pg_namespace'::regclass AND d.refobjid = ns.oid AND d.deptype = 'n'
               AND (d.classid <> 'pg_class'::regclass
                    OR (SELECT relkind FROM pg_class WHERE oid = d.objid) NOT IN ('r', 'S', 'v'))
            UNION ALL SELECT 'trigger ' || t.tgname || ' on ' || c.relname
             FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid, ns
             WHERE c.relnamespace = ns.oid AND NOT t.tgisinternal
            UNION ALL SELECT 'row-level security on ' || c.relname FROM pg_class c, ns WHERE c.relnamespace = ns.oid
               AND (c.relrowsecurity OR EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
            UNION ALL SELECT 'rule ' || r.rulename || ' on ' || c.relname
             FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class, ns
             WHERE c.relnamespace = ns.oid AND r.rulename <> '_RETURN'
            UNION ALL SELECT 'inheritance of ' || c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid, ns
             WHERE c.relnamespace = ns.oid
            UNION ALL SELECT 'typed table ' || c.relname FROM pg_class c, ns
             WHERE c.relnamespace = ns.oid AND c.reloftype <> 0
            UNION ALL SELECT 'grants on ' || c.relname FROM pg_class c, ns
             WHERE c.relnamespace = ns.oid AND c.relacl IS NOT NULL AND EXISTS ({RELATION})
            UNION ALL SELECT 'column grants on ' || c.relname
             FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid, ns
             WHERE c.relnamespace = ns.oid AND a.attacl IS NOT NULL
            UNION ALL SELECT 'grants on the schema' FROM pg_namespace n, ns
             WHERE n.oid = ns.oid AND n.nspacl IS NOT NULL AND EXISTS ({SCHEMA})
            UNION ALL SELECT 'a tablespace for ' || c.relname FROM pg_class c, ns
             WHERE c.relnamespace = ns.oid AND c.reltablespace <> 0
            UNION ALL SELECT 'column ' || c.relname || '.' || a.attname || ' of a type defined in the schema'
             FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid, ns
             WHERE c.relnamespace = ns.oid AND a.attnum > 0 AND t.typnamespace = ns.oid
            UNION ALL SELECT 'extended statistics ' || s.stxname FROM pg_statistic_ext s, ns
             WHERE s.stxnamespace = ns.oid
            UNION ALL SELECT 'sequence ' || s.relname || ' owned by a table in another schema'
             FROM pg_class s JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
              AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
             JOIN pg_class t ON t.oid = d.refobjid, ns
             WHERE s.relnamespace = ns.oid AND s.relkind = 'S' AND t.relnamespace <> ns.oid"""
            .replace("{RELATION}", extraGrants("c.relacl",
                    "acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::\"char\", c.relowner)"))
            .replace("{SCHEMA}", extraGrants("n.nspacl", "acldefault('n', n.nspowner)"));

    private static final String SEQUENCES = """
            SELECT quote_ident(c.relname), format_type(s.seqtypid, NULL), 'INCREMENT BY ' || s.seqincrement
                   || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' START WITH ' || s.seqstart
                   || ' CACHE ' || s.seqcache || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END,
                   quote_ident(t.relname), quote_ident(a.attname),
                   CASE WHEN dep.deptype = 'i' THEN CASE a.attidentity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END END,
                   obj_description(c.oid, 'pg_class')
            FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid
            LEFT JOIN pg_depend dep ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
             AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
            LEFT JOIN pg_class t ON t.oid = dep.refobjid
            LEFT JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
            WHERE c.relnamespace = ?::oid AND c.relkind = 'S' ORDER BY c.oid""";

    private static final String TABLES = """
            SELECT quote_ident(c.relname), c.relpersistence = 'u', %s,
                   obj_description(c.oid, 'pg_class'),
                   COALESCE((SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
                             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                               AND a.attgenerated = ''), ''), c.relname
            FROM pg_class c WHERE c.relnamespace = ?::oid AND c.relkind = 'r' ORDER BY c.oid"""
            .formatted(options("c.reloptions"));

    private static final String DEFAULTS = """
            SELECT quote_ident(c.relname), quote_ident(a.attname), pg_get_expr(ad.adbin, ad.adrelid)
            FROM pg_attrdef ad JOIN pg_class c ON c.oid = ad.adrelid
            JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
            WHERE c.relnamespace = ?::oid AND c.relkind = 'r' AND a.attgenerated = ''
              AND EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class r ON r.oid = d.refobjid
                          WHERE d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid AND d.deptype = 'n'
                            AND d.refclassid = 'pg_class'::regclass AND r.relnamespace = c.relnamespace)
            ORDER BY c.oid, a.attnum""";

    private static final String CONSTRAINTS = """
            SELECT quote_ident(c.relname), quote_ident(k.conname), pg_get_constraintdef(k.oid), k.contype = 'c',
                   obj_description(k.oid, 'pg_constraint')
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE c.relnamespace = ?::oid AND c.relkind = 'r'
              AND (k.contype = 'f' OR (k.contype = 'c' AND NOT k.convalidated))
            ORDER BY k.contype = 'f', k.oid""";

    private static final String VIEWS = """
            SELECT c.oid::bigint, quote_ident(c.relname), pg_get_viewdef(c.oid),
                   %s,
                   obj_description(c.oid, 'pg_class'),
                   ARRAY(SELECT DISTINCT d.refobjid::bigint FROM pg_rewrite r JOIN pg_depend d
                         ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                         WHERE r.ev_class = c.oid AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> c.oid)
            FROM pg_class c WHERE c.relnamespace = ?::oid AND c.relkind = 'v' ORDER BY c.oid"""
            .formatted(options("c.reloptions"));

    private ClonePlanReader() {
    }

    /**
     * SQL selecting the privileges of {@code acl} that differ from {@code defaultAcl} (what the owner has without any
     * GRANT), leaving out those of the source tenant's own role ({@code ns.role}): the clone's role gets its own.
     */
    private static String extraGrants(String acl, String defaultAcl) {
        String granted = "SELECT a.grantee, a.privilege_type, a.is_grantable FROM aclexplode(" + acl + ") a";
        String owners = "SELECT d.grantee, d.privilege_type, d.is_grantable FROM aclexplode(" + defaultAcl + ") d";
        return "(" + granted + " WHERE a.grantee IS DISTINCT FROM ns.role EXCEPT " + owners + ") UNION ALL ("
                + owners + " EXCEPT " + granted + ")";
    }

    /**
     * Reads the plan for cloning {@code source}. With {@code withData}, it also notes which tables have rows and
     * where each sequence stands, so the clone can copy them.
     *
     * @param historyTable the bare name of the migration history table
     * @param sourceRole the source tenant's role, whose grants the clone does not copy (the clone's own role is
     *     granted its schema after), or {@code null}; grants to anyone else refuse the clone
     * @throws NotClonableException when the schema holds what a clone cannot reproduce
     */
    static ClonePlan read(Connection transaction, SchemaName source, String historyTable, boolean withData,
            String sourceRole) throws SQLException {
        String oid = Jdbc.queryString(transaction, "SELECT oid::text FROM pg_namespace WHERE nspname = ?",
                source.value());
        if (oid == null) {
            throw new TenancyException("The schema '" + source + "' does not exist, so it cannot be cloned.");
        }
        Jdbc.execute(transaction, "SET LOCAL search_path = " + source.quoted());
        List<String> unsupported = new ArrayList<>();
        try (PreparedStatement select = Jdbc.prepare(transaction, UNSUPPORTED, oid, sourceRole);
             ResultSet found = select.executeQuery()) {
            while (found.next()) {
                unsupported.add(found.getString(1));
            }
        }
        if (!unsupported.isEmpty()) {
            throw new NotClonableException(source, unsupported);
        }
        List<ClonePlan.Sequence> sequences = sequences(transaction, oid);
        String history = null;
        List<String[]> tableRows = rows(transaction, TABLES, oid, 6);
        List<Boolean> hasRows = withData ? hasRows(transaction, source, tableRows) : null;
        List<ClonePlan.Table> tables = new ArrayList<>();
        for (int i = 0; i < tableRows.size(); i++) {
            String[] row = tableRows.get(i);
            tables.add(new ClonePlan.Table(row[0], "t".equals(row[1]), row[2], row[3], row[4],
                    hasRows != null && hasRows.get(i)));
            if (row[5].equals(historyTable)) {
                history = row[0];
            }
        }
        List<ClonePlan.Default> defaults = new ArrayList<>();
        for (String[] row : rows(transaction, DEFAULTS, oid, 3)) {
            defaults.add(new ClonePlan.Default(row[0], row[1], row[2]));
        }
        List<ClonePlan.Constraint> constraints = new ArrayList<>();
        for (String[] row : rows(transaction, CONSTRAINTS, oid, 5)) {
            constraints.add(new ClonePlan.Constraint(row[0], row[1], row[2], "t".equals(row[3]), row[4]));
        }
        return new ClonePlan(source, withData ? positioned(transaction, source, sequences) : sequences, tables,
                defaults, constraints, indexes(transaction, oid), views(transaction, oid), history);
    }

    private static List<ClonePlan.Sequence> sequences(Connection connection, String oid) throws SQLException {
        List<ClonePlan.Sequence> sequences = new ArrayList<>();
        for (String[] row : rows(connection, SEQUENCES, oid, 7)) {
            sequences.add(new ClonePlan.Sequence(row[0], row[1], row[2], row[3], row[4], row[5], null, row[6]));
        }
        return sequences;
    }

    private static List<ClonePlan.Sequence> positioned(Connection connection, SchemaName source,
            List<ClonePlan.Sequence> sequences) throws SQLException {
        List<String> queries = new ArrayList<>();
        for (ClonePlan.Sequence sequence : sequences) {
            queries.add("SELECT CASE WHEN is_called THEN last_value::text END FROM " + source.quoted() + "."
                    + sequence.name());
        }
        List<String> values = inOrder(connection, queries);
        List<ClonePlan.Sequence> positioned = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            ClonePlan.Sequence s = sequences.get(i);
            String value = values.get(i);
            positioned.add(new ClonePlan.Sequence(s.name(), s.type(), s.options(), s.ownerTable(), s.ownerColumn(),
                    s.identity(), value == null ? null : Long.valueOf(value), s.comment()));
        }
        return positioned;
    }

    private static List<Boolean> hasRows(Connection connection, SchemaName source, List<String[]> tables)
            throws SQLException {
        List<String> queries = new ArrayList<>();
        for (String[] table : tables) {
            queries.add("SELECT EXISTS (SELECT 1 FROM " + source.quoted() + "." + table[0] + ")::text");
        }
        List<Boolean> found = new ArrayList<>();
        for (String value : inOrder(connection, queries)) {
            found.add("true".equals(value));
        }
        return found;
    }

    /** Runs one-value queries in a single round trip; the values come back in the order of the queries. */
    private static List<String> inOrder(Connection connection, List<String> queries) throws SQLException {
        List<String> values = new ArrayList<>();
        if (queries.isEmpty()) {
            return values;
        }
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            numbered.add("SELECT " + i + " AS n, (" + queries.get(i) + ") AS v");
        }
        try (PreparedStatement select = connection.prepareStatement(String.join(" UNION ALL ", numbered)
                + " ORDER BY n"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(2));
            }
        }
        return values;
    }

    private static List<ClonePlan.Index> indexes(Connection connection, String oid) throws SQLException {
        try (PreparedStatement select = Jdbc.prepare(connection,
                IndexNames.INDEXES.formatted("t.relnamespace = ?::oid AND t.relkind = 'r'"), oid)) {
            return IndexNames.read(select);
        }
    }

    /** The views, each placed after the views it reads. */
    private static List<ClonePlan.View> views(Connection connection, String oid) throws SQLException {
        Map<Long, ClonePlan.View> views = new LinkedHashMap<>();
        Map<Long, Set<Long>> reads = new HashMap<>();
        try (PreparedStatement select = Jdbc.prepare(connection, VIEWS, oid); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                String query = rows.getString(3).strip();
                views.put(id, new ClonePlan.View(rows.getString(2), query.endsWith(";")
                        ? query.substring(0, query.length() - 1) : query, rows.getString(4), rows.getString(5)));
                Set<Long> used = new HashSet<>();
                for (Long other : (Long[]) rows.getArray(6).getArray()) {
                    used.add(other);
                }
                reads.put(id, used);
            }
        }
        List<ClonePlan.View> ordered = new ArrayList<>();
        Set<Long> placed = new HashSet<>();
        while (placed.size() < views.size()) {
            int before = placed.size();
            for (Map.Entry<Long, ClonePlan.View> view : views.entrySet()) {
                Set<Long> needs = new HashSet<>(reads.get(view.getKey()));
                needs.retainAll(views.keySet());
                if (!placed.contains(view.getKey()) && placed.containsAll(needs)) {
                    placed.add(view.getKey());
                    ordered.add(view.getValue());
                }
            }
            if (placed.size() == before) {
                throw new TenancyException("The views of the schema depend on each other in a cycle.");
            }
        }
        return ordered;
    }

    /** Storage options ({@code fillfactor=70}) as {@code WITH (...)} takes them ({@code fillfactor = '70'}). */
    private static String options(String column) {
        return "(SELECT string_agg(split_part(o, '=', 1) || ' = ' || quote_literal(substr(o, strpos(o, '=') + 1)), "
                + "', ') FROM unnest(" + column + ") o)";
    }

    private static List<String[]> rows(Connection connection, String sql, String oid, int columns)
            throws SQLException {
        List<String[]> result = new ArrayList<>();
        try (PreparedStatement select = Jdbc.prepare(connection, sql, oid); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rows.getString(i + 1);
                }
                result.add(row);
            }
        }
        return result;
    }
}
