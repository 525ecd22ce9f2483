package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything PostgreSQL records a tenant role may do in a test database, read from the catalogue as the superuser:
 * its attributes, the roles it belongs to, who may act as it (and whether they inherit its privileges), and every
 * privilege it holds on a schema, relation, routine or type, or by default privileges, anywhere. The tenant's schema
 * and role names are written {@code <schema>} and {@code <role>}, so that two tenants' rights compare equal when they
 * are the same.
 */
final class RolePrivileges {

    private static final String QUERY = """
            WITH r AS (SELECT * FROM pg_roles WHERE rolname = ?)
            SELECT 'attributes login=' || rolcanlogin || ' superuser=' || rolsuper || ' createrole=' || rolcreaterole
                   || ' createdb=' || rolcreatedb || ' bypassrls=' || rolbypassrls FROM r
            UNION ALL SELECT 'member of ' || g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid, r
                WHERE m.member = r.oid
            UNION ALL SELECT 'held by ' || CASE WHEN u.rolname = session_user THEN 'superuser' ELSE u.rolname END
                   || ' admin=' || m.admin_option || ' inherit=' || m.inherit_option || ' set=' || m.set_option
                FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member, r WHERE m.roleid = r.oid
            UNION ALL SELECT 'schema ' || n.nspname || ' ' || a.privilege_type
                FROM pg_namespace n, aclexplode(n.nspacl) a, r WHERE a.grantee = r.oid
            UNION ALL SELECT 'relation ' || n.nspname || '.' || c.relname || ' ' || a.privilege_type
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a, r
                WHERE a.grantee = r.oid
            UNION ALL SELECT 'column ' || n.nspname || '.' || c.relname || '.' || t.attname || ' ' || a.privilege_type
                FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
                aclexplode(t.attacl) a, r WHERE a.grantee = r.oid
            UNION ALL SELECT 'routine ' || n.nspname || '.' || p.proname || ' ' || a.privilege_type
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(p.proacl) a, r
                WHERE a.grantee = r.oid
            UNION ALL SELECT 'type ' || n.nspname || '.' || t.typname || ' ' || a.privilege_type
                FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace, aclexplode(t.typacl) a, r
                WHERE a.grantee = r.oid
            UNION ALL SELECT 'default ' || coalesce(n.nspname, '*') || ' ' || d.defaclobjtype::text || ' '
                   || a.privilege_type
                FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace,
                aclexplode(d.defaclacl) a, r WHERE a.grantee = r.oid
            UNION ALL SELECT 'database ' || db.datname || ' ' || a.privilege_type
                FROM pg_database db, aclexplode(db.datacl) a, r WHERE a.grantee = r.oid
            ORDER BY 1""";

    private RolePrivileges() {
    }

    /** What {@code schema}'s tenant role may do, one line per fact, sorted; empty when the role does not exist. */
    static List<String> of(TestDatabase database, TenantRoles roles, SchemaName schema, String login) {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.openConnection();
             PreparedStatement select = connection.prepareStatement(QUERY)) {
            select.setString(1, roles.roleName(schema));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1).replace(roles.roleName(schema), "<role>")
                            .replace(schema.value(), "<schema>").replace(login, "<login>"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines.stream().sorted().toList();
    }
}
