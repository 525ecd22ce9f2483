package dev.tenancy.core.provisioning;

import dev.tenancy.core.AppLogin;
import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** The SQL the tenant-role tests share: running and reading statements, and removing every tenant and tenant role. */
final class RoleTestSql {

    private RoleTestSql() {
    }

    /** Runs {@code sql} through {@code dataSource}: as the current tenant's role, or outside any tenant as the login. */
    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of every row {@code sql} returns through {@code dataSource}. */
    static List<String> strings(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, sql);
        }
    }

    /** The first column of every row {@code sql} returns, read as the superuser. */
    static List<String> superuserStrings(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.openConnection()) {
            return read(connection, sql);
        }
    }

    /** Drops every tenant schema, the template, every tenant role and Tenancy's bookkeeping tables. */
    static void dropTenants(AppLogin app, TenantRoles roles) {
        app.asSuperuser("""
                DO $$ DECLARE s record; BEGIN
                  FOR s IN SELECT nspname FROM pg_namespace
                           WHERE nspname LIKE 'tenant\\_%%' OR nspname LIKE '\\_tenancy%%'
                  LOOP EXECUTE format('DROP SCHEMA %%I CASCADE', s.nspname); END LOOP;
                  FOR s IN SELECT rolname FROM pg_roles WHERE starts_with(rolname, '%s')
                  LOOP EXECUTE format('DROP ROLE %%I', s.rolname); END LOOP;
                END $$;
                DELETE FROM public.domains; DELETE FROM public.tenants;
                DROP TABLE IF EXISTS public.tenancy_provisioning, public.tenancy_audit, public.tenancy_schema_versions,
                    public.flyway_schema_history""".formatted(roles.prefix()));
    }

    private static List<String> read(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
