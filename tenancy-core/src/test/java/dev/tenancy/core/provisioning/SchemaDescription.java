package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * A schema described from the catalogue, one sorted line per fact, so two schemas built differently (cloned, migrated)
 * can be compared: tables, columns (type, nullability, default, identity, generated expression, collation, comment,
 * order), constraints (definition, validation, comment), indexes (definition, options, comment), sequences (settings,
 * owner), views (query, options, comment), and the rows of the seeded tables and the migration history. Definitions
 * are printed with the schema itself on the search path, so they do not name it (nor does Flyway's schema-creation
 * row); physical column numbers (which dropped columns shift) are left out.
 */
final class SchemaDescription {

    private static final String[] QUERIES = {
        """
        SELECT 'relation ' || c.relname || ' kind=' || c.relkind::text || ' persistence=' || c.relpersistence::text
               || ' options=' || coalesce(c.reloptions::text, '')
               || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '')
        FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'S', 'i')
        """,
        """
        SELECT 'column ' || c.relname || '.' || a.attname || ' #' || rank() OVER (PARTITION BY c.oid ORDER BY a.attnum)
               || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull
               || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' identity=' || a.attidentity::text
               || ' generated=' || a.attgenerated::text || ' collation=' || coalesce(co.collname, '')
               || ' comment=' || coalesce(col_description(c.oid, a.attnum), '')
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v') AND a.attnum > 0
          AND NOT a.attisdropped
        """,
        """
        SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
               || ' validated=' || k.convalidated
               || ' comment=' || coalesce(obj_description(k.oid, 'pg_constraint'), '')
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        WHERE c.relnamespace = current_schema()::regnamespace
        """,
        """
        SELECT 'index ' || replace(pg_get_indexdef(i.indexrelid), current_schema() || '.', '')
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = current_schema()::regnamespace
        """,
        """
        SELECT 'sequence ' || c.relname || ' ' || format_type(s.seqtypid, NULL) || ' start=' || s.seqstart
               || ' increment=' || s.seqincrement || ' min=' || s.seqmin || ' max=' || s.seqmax || ' cache='
               || s.seqcache || ' cycle=' || s.seqcycle || ' owner=' || coalesce((SELECT t.relname || '.' || a.attname
                   || ' ' || d.deptype::text FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                   JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                   WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                     AND d.deptype IN ('a', 'i')), '')
        FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid
        WHERE c.relnamespace = current_schema()::regnamespace
        """,
        """
        SELECT 'view ' || c.relname || ' ' || pg_get_viewdef(c.oid)
        FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'v'
        """,
        "SELECT 'row roles ' || code || ' ' || label FROM roles",
        "SELECT 'row settings ' || id || ' ' || key || ' ' || value FROM settings",
        """
        SELECT 'history ' || installed_rank || ' ' || coalesce(version, '') || ' ' || description || ' ' || type
               || ' ' || replace(script, current_schema(), '<this schema>') || ' ' || coalesce(checksum::text, '')
               || ' ' || success
        FROM flyway_schema_history
        """,
        "SELECT 'next settings id ' || nextval('settings_id_seq')",
    };

    private SchemaDescription() {
    }

    /** Describes {@code schema}. Takes one value from {@code settings_id_seq} to show where the sequence stands. */
    static List<String> of(DataSource dataSource, SchemaName schema) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = " + schema.quoted());
            try {
                for (String query : QUERIES) {
                    try (ResultSet rows = statement.executeQuery(query)) {
                        while (rows.next()) {
                            lines.add(rows.getString(1));
                        }
                    }
                }
            } finally {
                statement.execute("RESET search_path");
            }
        }
        lines.sort(null);
        return lines;
    }
}
