package dev.tenancy.benchmarks.http;

import dev.tenancy.benchmarks.harness.BenchmarkDatabase;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.roles.TenantRoles;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/** The tenant roles of the variants that use them: made before their servers start, dropped at the end. */
final class BenchmarkRoles {

    private final TenantRoles roles = TenantRoles.of(Variant.ROLE_PREFIX, Variant.ROLE_GROUP);
    private final BenchmarkDatabase database;
    private final int tenants;

    BenchmarkRoles(BenchmarkDatabase database, int tenants) {
        this.database = database;
        this.tenants = tenants;
    }

    /** Gives every tenant its role, as {@code enable-tenant-roles} would. */
    void make() throws Exception {
        try (HikariDataSource pool = database.pool(1); Connection connection = pool.getConnection()) {
            roles.install(connection, "public", List.of());
            connection.setAutoCommit(false);
            for (int i = 0; i < tenants; i++) {
                roles.enable(connection, SchemaName.of(BenchmarkDatabase.schema(i)));
            }
            connection.commit();
        }
    }

    /** Drops the tenant roles again: roles outlive the benchmark's database on a shared server. */
    void drop() throws Exception {
        try (HikariDataSource pool = database.pool(1); Connection connection = pool.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE NONE");
            for (int i = 0; i < tenants; i++) {
                String role = roles.quotedRole(SchemaName.of(BenchmarkDatabase.schema(i)));
                statement.execute("DROP OWNED BY " + role + "; DROP ROLE IF EXISTS " + role);
            }
            statement.execute("DROP OWNED BY \"" + roles.group() + "\"; DROP ROLE \"" + roles.group() + "\"");
        }
    }
}
