package dev.tenancy.core;

import dev.tenancy.test.postgres.TestDatabase;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A test class's database: a small Hikari pool, the requirements' {@code tenants} / {@code domains} tables in
 * {@code public}, and tenant schemas each holding a {@code notes} table.
 */
public final class TenantFixture implements AutoCloseable {

    public static final String TENANT_TABLES = """
            CREATE TABLE public.tenants (
                id bigserial PRIMARY KEY,
                schema_name varchar(63) NOT NULL UNIQUE,
                auto_create_schema boolean NOT NULL DEFAULT true,
                auto_drop_schema boolean NOT NULL DEFAULT false,
                status varchar(20) NOT NULL DEFAULT 'PROVISIONING',
                name varchar(100) NOT NULL
            );
            CREATE TABLE public.domains (
                id bigserial PRIMARY KEY,
                domain varchar(253) NOT NULL UNIQUE,
                tenant_id bigint NOT NULL REFERENCES public.tenants(id) ON DELETE CASCADE,
                is_primary boolean NOT NULL DEFAULT false
            );
            CREATE UNIQUE INDEX domains_one_primary_per_tenant ON public.domains (tenant_id) WHERE is_primary;
            """;

    private final HikariDataSource pool;

    public TenantFixture(TestDatabase database, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("test-" + database.name());
        this.pool = new HikariDataSource(config);
        sql(TENANT_TABLES);
    }

    public HikariDataSource pool() {
        return pool;
    }

    /** Creates the tenant's schema with a notes table, and its tenant row (ACTIVE). */
    public SchemaName createTenant(String schema) {
        SchemaName name = SchemaName.of(schema);
        sql("CREATE SCHEMA " + name.quoted() + ";"
                + "CREATE TABLE " + name.quoted() + ".notes (id serial PRIMARY KEY, tenant text NOT NULL, body text);"
                + "INSERT INTO public.tenants (schema_name, status, name) VALUES ('" + name.value() + "', 'ACTIVE', '"
                + name.value() + "')");
        return name;
    }

    public void sql(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    public static String string(Connection connection, String query) throws SQLException {
        List<String> values = strings(connection, query);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void close() {
        pool.close();
    }
}
