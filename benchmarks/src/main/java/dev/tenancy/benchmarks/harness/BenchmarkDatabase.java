package dev.tenancy.benchmarks.harness;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A database for the benchmark application, on the tests' PostgreSQL server (embedded PostgreSQL 17, or the server
 * named by {@code TENANCY_TEST_JDBC_URL}), dropped on {@link #close()}: the shared migrations applied, and N ACTIVE
 * tenants {@code tenant_00000 ...} served at {@code t0.localhost ...}, each with its migrated tables ({@code items} of
 * 100 rows; the realistic page's {@code customers}, {@code orders} and {@code page_views}). The schemas are copied from
 * one migrated template (with their Flyway history) and the fleet ledger is then filled by one {@link TenantMigrator}
 * run, so the application sees the fleet as if each tenant had been provisioned.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    private static final String TEMPLATE = "bench_template";
    private static final int WORKERS = 2;

    private final TestDatabase database;

    private BenchmarkDatabase(TestDatabase database) {
        this.database = database;
    }

    /** Creates the database with {@code tenants} tenants. */
    public static BenchmarkDatabase create(String name, int tenants) throws Exception {
        BenchmarkDatabase created = new BenchmarkDatabase(TestPostgres.server().createDatabase(name));
        try {
            created.populate(tenants);
            return created;
        } catch (Exception | Error e) {
            created.close();
            throw e;
        }
    }

    /** Tenant {@code i}'s schema. */
    public static String schema(int tenant) {
        return String.format(Locale.ROOT, "tenant_%05d", tenant);
    }

    /** Tenant {@code i}'s host name. */
    public static String host(int tenant) {
        return "t" + tenant + ".localhost";
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    public String username() {
        return database.username();
    }

    public String password() {
        return database.password();
    }

    /** The server's version, e.g. {@code 17.11}. */
    public String postgresVersion() throws SQLException {
        try (Connection connection = database.openConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }

    /** Measures the CPU time of the PostgreSQL server (when it runs on this machine) and of the other processes. */
    public CpuMeter cpuMeter() throws SQLException {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return CpuMeter.forPostgresBackend(row.getLong(1));
        }
    }

    /**
     * The process ids of the client backends on this database whose connections carry {@code applicationName}
     * (pgjdbc's {@code ApplicationName}), e.g. one server's pool.
     */
    public List<Long> backendPids(String applicationName) throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (Connection connection = database.openConnection();
             PreparedStatement select = connection.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname"
                     + " = current_database() AND application_name = ? AND backend_type = 'client backend'")) {
            select.setString(1, applicationName);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getLong(1));
                }
            }
        }
        return pids;
    }

    /** The number of rows in a table, named with its schema. */
    public long rows(String qualifiedTable) throws SQLException {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM " + qualifiedTable)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A new pool of {@code size} connections on this database; the caller closes it. */
    public HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private void populate(int tenants) throws Exception {
        try (HikariDataSource pool = pool(WORKERS + 1)) {
            TenantMigrator migrator = TenantMigrator.builder(pool).parallelism(WORKERS).build();
            migrator.migrateShared().throwIfFailed();
            migrator.migrate(SchemaName.of(TEMPLATE));
            execute(pool, "INSERT INTO public.tenants (schema_name, status, name) SELECT format('tenant_%s',"
                    + " lpad(i::text, 5, '0')), 'ACTIVE', 'Tenant ' || i FROM generate_series(0, " + (tenants - 1)
                    + ") i");
            execute(pool, "INSERT INTO public.domains (domain, tenant_id, is_primary) SELECT 't' || (substr("
                    + "schema_name, 8)::int) || '.localhost', id, true FROM public.tenants");
            copyTemplate(pool, tenants);
            execute(pool, "DROP SCHEMA " + TEMPLATE + " CASCADE");
            migrator.migrateTenants().throwIfFailed();
            execute(pool, "VACUUM ANALYZE");
        }
    }

    private static void copyTemplate(HikariDataSource pool, int tenants) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '"
                     + TEMPLATE + "' ORDER BY tablename")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> copies = new ArrayList<>();
            for (int i = 0; i < tenants; i++) {
                StringBuilder copy = new StringBuilder("SET synchronous_commit TO off; CREATE SCHEMA " + schema(i)
                        + ";");
                for (String table : tables) {
                    copy.append("CREATE TABLE ").append(schema(i)).append('.').append(table).append(" (LIKE ")
                            .append(TEMPLATE).append('.').append(table).append(" INCLUDING ALL); INSERT INTO ")
                            .append(schema(i)).append('.').append(table).append(" SELECT * FROM ").append(TEMPLATE)
                            .append('.').append(table).append(';');
                }
                copies.add(workers.submit(() -> {
                    execute(pool, copy.toString());
                    return null;
                }));
            }
            for (Future<?> copied : copies) {
                copied.get();
            }
        } finally {
            workers.shutdown();
        }
    }

    private static void execute(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Drops the database. */
    @Override
    public void close() {
        database.close();
    }
}
