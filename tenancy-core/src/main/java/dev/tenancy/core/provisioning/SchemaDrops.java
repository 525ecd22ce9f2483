package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The only way provisioning drops a schema. Right before the {@code DROP}, in the same transaction, it checks in SQL
 * that a tenant row owns the schema (and locks that row), that the name is not {@code public} or a system schema, and
 * that nothing outside the schema depends on what is inside (a {@code CASCADE} would silently drop that too).
 */
final class SchemaDrops {

    private static final String OUTSIDE_DEPENDENTS = """
            WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = ?),
            inside AS (
                SELECT 'pg_class'::regclass::oid AS classid, c.oid FROM pg_class c, ns WHERE c.relnamespace = ns.oid
                UNION ALL SELECT 'pg_type'::regclass::oid, t.oid FROM pg_type t, ns WHERE t.typnamespace = ns.oid
                UNION ALL SELECT 'pg_proc'::regclass::oid, p.oid FROM pg_proc p, ns WHERE p.pronamespace = ns.oid)
            SELECT DISTINCT (pg_identify_object(d.classid, d.objid, 0)).type || ' '
                   || (pg_identify_object(d.classid, d.objid, 0)).identity
            FROM pg_depend d JOIN inside i ON d.refclassid = i.classid AND d.refobjid = i.oid, ns
            WHERE d.deptype IN ('n', 'a') AND COALESCE(CASE d.classid
                WHEN 'pg_class'::regclass THEN (SELECT relnamespace FROM pg_class WHERE oid = d.objid)
                WHEN 'pg_type'::regclass THEN (SELECT typnamespace FROM pg_type WHERE oid = d.objid)
                WHEN 'pg_proc'::regclass THEN (SELECT pronamespace FROM pg_proc WHERE oid = d.objid)
                WHEN 'pg_constraint'::regclass THEN (SELECT connamespace FROM pg_constraint WHERE oid = d.objid)
                WHEN 'pg_statistic_ext'::regclass THEN (SELECT stxnamespace FROM pg_statistic_ext WHERE oid = d.objid)
                WHEN 'pg_attrdef'::regclass THEN (SELECT c.relnamespace FROM pg_attrdef a
                    JOIN pg_class c ON c.oid = a.adrelid WHERE a.oid = d.objid)
                WHEN 'pg_rewrite'::regclass THEN (SELECT c.relnamespace FROM pg_rewrite r
                    JOIN pg_class c ON c.oid = r.ev_class WHERE r.oid = d.objid)
                WHEN 'pg_trigger'::regclass THEN (SELECT c.relnamespace FROM pg_trigger t
                    JOIN pg_class c ON c.oid = t.tgrelid WHERE t.oid = d.objid)
                WHEN 'pg_policy'::regclass THEN (SELECT c.relnamespace FROM pg_policy p
                    JOIN pg_class c ON c.oid = p.polrelid WHERE p.oid = d.objid)
                END, 0) <> ns.oid
            ORDER BY 1 LIMIT 20""";

    private SchemaDrops() {
    }

    /**
     * Drops {@code schema} like {@link #dropOwned(Connection, TenantRows, long, SchemaName)}, then tells the
     * migrator, which forgets its ledger row for the schema in the same transaction, so that no row outlives it.
     */
    static boolean dropOwned(Connection transaction, Context context, long tenantId, SchemaName schema)
            throws SQLException {
        boolean dropped = dropOwned(transaction, context.rows(), tenantId, schema);
        if (dropped) {
            context.schemas().dropped(transaction, schema);
        }
        return dropped;
    }

    /**
     * Drops {@code schema} with everything in it, in the caller's transaction, if tenant {@code tenantId} owns it.
     *
     * @return whether a schema was dropped (false when it did not exist)
     * @throws TenancyException when the checks refuse the drop; nothing is dropped then
     */
    static boolean dropOwned(Connection transaction, TenantRows rows, long tenantId, SchemaName schema)
            throws SQLException {
        boolean owned = rows.findById(transaction, tenantId, true).map(row -> row.schemaName().equals(schema.value()))
                .orElse(false);
        if (!owned) {
            throw new TenancyException("Refusing to drop schema '" + schema + "': no tenant row (id " + tenantId
                    + ") owns it. Tenancy never drops a schema that no tenant owns.");
        }
        boolean droppable = Jdbc.queryBoolean(transaction, "SELECT EXISTS (SELECT 1 FROM pg_namespace n JOIN "
                + rows.tables().tenantTable() + " t ON t.schema_name = n.nspname WHERE n.nspname = ? AND t.id = ? "
                + "AND n.nspname NOT IN ('public', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%')",
                schema.value(), tenantId);
        if (!droppable) {
            return false;
        }
        List<String> dependents = outsideDependents(transaction, schema);
        if (!dependents.isEmpty()) {
            throw new TenancyException("Refusing to drop schema '" + schema + "': objects outside it depend on "
                    + "it and would be dropped too: " + String.join(", ", dependents) + ". Remove those "
                    + "dependencies first.");
        }
        Jdbc.execute(transaction, "DROP SCHEMA " + schema.quoted() + " CASCADE");
        return true;
    }

    /**
     * Called by every drop and rename of an existing tenant's schema before anything is changed: refuses to drop or
     * rename a schema no tenant may own, whatever a tenant row says: the shared schema and the
     * search path's extras, the template and the reserved names ({@link SchemaName} already refuses {@code public}
     * and system schemas).
     */
    static void refuseProtected(Context context, SchemaName schema, String operation) {
        String name = schema.value();
        if (context.reservedSchemas().stream().anyMatch(name::equalsIgnoreCase)) {
            throw new TenancyException("Refusing to " + operation + " schema '" + name + "': it is the shared "
                    + "schema, a search-path, template or reserved schema, which no tenant owns. Correct the "
                    + "tenant row that names it.");
        }
    }

    private static List<String> outsideDependents(Connection connection, SchemaName schema) throws SQLException {
        List<String> dependents = new ArrayList<>();
        try (PreparedStatement select = Jdbc.prepare(connection, OUTSIDE_DEPENDENTS, schema.value());
             ResultSet found = select.executeQuery()) {
            while (found.next()) {
                dependents.add(found.getString(1));
            }
        }
        return dependents;
    }
}
