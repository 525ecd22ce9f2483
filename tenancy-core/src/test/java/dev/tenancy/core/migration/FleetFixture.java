package dev.tenancy.core.migration;

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
 * A migration test's database: a Hikari pool, {@link #reset()} back to an empty database, and helpers to add tenant
 * rows and read history tables. Migration sets live under {@code src/test/resources/migrations/<set>}.
 */
final class FleetFixture implements AutoCloseable {

    private final HikariDataSource pool;

    FleetFixture(TestDatabase database, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("migration-test-" + database.name());
        this.pool = new HikariDataSource(config);
    }

    HikariDataSource pool() {
        return pool;
    }

    /** Drops every schema and re-creates an empty {@code public}. */
    void reset() {
        sql("DO $$ DECLARE s record; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                + "AND nspname <> 'information_schema' LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname); "
                + "END LOOP; END $$; CREATE SCHEMA public");
    }

    /** A migrator on the basic shared set and the tenant set {@code tenantSet}, two workers. */
    TenantMigrator.Builder migrator(String tenantSet) {
        return TenantMigrator.builder(pool)
                .sharedLocations("classpath:migrations/shared-basic")
                .tenantLocations("classpath:migrations/" + tenantSet)
                .parallelism(2);
    }

    /** Adds an ACTIVE tenant row and creates its (empty) schema. */
    void tenant(String schema) {
        tenantRow(schema, "ACTIVE");
        sql("CREATE SCHEMA " + schema);
    }

    /** Adds a tenant row only. */
    void tenantRow(String schema, String status) {
        sql("INSERT INTO public.tenants (schema_name, status, name) VALUES ('" + schema + "', '" + status + "', '"
                + schema + "')");
    }

    /** The successfully applied versions in {@code schema}'s history table, in the order applied. */
    List<String> versions(String schema) {
        return strings("SELECT version FROM " + schema + ".flyway_schema_history WHERE success AND version IS NOT NULL"
                + " ORDER BY installed_rank");
    }

    boolean schemaExists(String schema) {
        return !strings("SELECT 1 FROM pg_namespace WHERE nspname = '" + schema + "'").isEmpty();
    }

    boolean tableExists(String qualified) {
        return strings("SELECT to_regclass('" + qualified + "')").get(0) != null;
    }

    void sql(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> strings(String query) {
        List<String> values = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    @Override
    public void close() {
        pool.close();
    }
}
