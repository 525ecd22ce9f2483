package dev.tenancy.benchmarks;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantScope;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost the schema-switching {@code DataSource} adds to one unit of database work: check a connection out of a
 * HikariCP pool, read one row by primary key, give the connection back. {@code baseline} uses the pool directly on
 * one schema; {@code baselineSettingPath} does the same plus one {@code SET search_path} to that same schema on every
 * checkout (the round trip alone); {@code tenantAware} goes through {@link TenantAwareDataSource} for {@code tenants}
 * tenants in turn (the round trip, plus, with several tenants, reading another tenant's table, index and cached
 * plan each time; statement labels are on, as by default, so no tenant switch makes PostgreSQL plan the read again).
 * {@code tenantAwareWithRoles} is {@code tenantAware} with {@linkplain TenantRoles tenant roles}: the statement that
 * sets the path also sets the tenant's role, and the read runs under the role's privilege checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CheckoutBenchmark {

    private static final String READ = "SELECT id, body FROM notes WHERE id = ?";
    private static final String SET_PATH = "SET search_path TO tenant_0";

    @Param({"1", "100"})
    public int tenants;

    private TestDatabase database;
    private HikariDataSource pool;
    private HikariDataSource baselinePool;
    private TenantAwareDataSource tenantAware;
    private TenantAwareDataSource tenantAwareWithRoles;
    private final TenantRoles roles = TenantRoles.of("checkout_role_", "checkout_tenant_roles");
    private SchemaName[] schemas;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        database = TestPostgres.server().createDatabase("checkout_benchmark");
        pool = pool(null);
        baselinePool = pool("tenant_0");
        schemas = new SchemaName[tenants];
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            roles.install(connection, "public", List.of());
            for (int i = 0; i < tenants; i++) {
                schemas[i] = SchemaName.of("tenant_" + i);
                statement.execute("CREATE SCHEMA " + schemas[i].quoted() + "; CREATE TABLE " + schemas[i].quoted()
                        + ".notes (id int PRIMARY KEY, body text); INSERT INTO " + schemas[i].quoted()
                        + ".notes VALUES (1, 'note')");
                roles.enable(connection, schemas[i]);
            }
        }
        tenantAware = TenantAwareDataSource.wrap(pool);
        tenantAwareWithRoles = TenantAwareDataSource.builder(pool).tenantRoles(roles).build();
    }

    private HikariDataSource pool(String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        if (schema != null) {
            config.setConnectionInitSql("SET search_path TO " + schema);
        }
        return new HikariDataSource(config);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        pool.close();
        baselinePool.close();
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
            for (SchemaName schema : schemas) {
                String role = roles.quotedRole(schema);
                statement.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
            }
            statement.execute("DROP ROLE " + roles.group());
        }
        database.close();
    }

    /** State per benchmark thread: which tenant it serves next. */
    @State(Scope.Thread)
    public static class Turn {
        int next;
    }

    @Benchmark
    public String baseline() throws SQLException {
        return readOne(baselinePool);
    }

    @Benchmark
    public String baselineSettingPath() throws SQLException {
        try (Connection connection = baselinePool.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(SET_PATH);
            }
            return readOne(connection);
        }
    }

    @Benchmark
    public String tenantAware(Turn turn) throws SQLException {
        SchemaName schema = schemas[turn.next++ % schemas.length];
        try (TenantScope ignored = Tenants.enter(schema)) {
            return readOne(tenantAware);
        }
    }

    @Benchmark
    public String tenantAwareWithRoles(Turn turn) throws SQLException {
        SchemaName schema = schemas[turn.next++ % schemas.length];
        try (TenantScope ignored = Tenants.enter(schema)) {
            return readOne(tenantAwareWithRoles);
        }
    }

    private static String readOne(javax.sql.DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return readOne(connection);
        }
    }

    private static String readOne(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(READ)) {
            select.setInt(1, 1);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(2);
            }
        }
    }
}
