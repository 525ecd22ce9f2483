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
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
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
 * {@code tenantAwareAffine} is {@code tenantAware} with tenant affinity ({@code tenantAffinity(100 ms, 1 s)}, a pool
 * of its own): a connection given back with its tenant's path is parked, and that tenant's next checkout skips the
 * round trip. The {@code ...Zipf} variants pick each unit's tenant from a Zipf distribution (s = 1.1) over
 * {@code tenants} instead of in turn, as skewed real traffic does (the same sequence of draws for both).
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
    private HikariDataSource affinePool;
    private TenantAwareDataSource tenantAwareAffine;
    private int[] zipfDraws;
    private final LongAdder affineCheckouts = new LongAdder();
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
        affinePool = pool(null);
        tenantAwareAffine = TenantAwareDataSource.builder(affinePool)
                .tenantAffinity(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
        zipfDraws = zipf(tenants, 1.1, 1 << 16, new Random(18));
    }

    /** {@code count} draws of a tenant index from a Zipf distribution with exponent {@code s} over {@code n}. */
    static int[] zipf(int n, double s, int count, Random random) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int rank = 1; rank <= n; rank++) {
            sum += 1 / Math.pow(rank, s);
            cumulative[rank - 1] = sum;
        }
        int[] draws = new int[count];
        for (int i = 0; i < count; i++) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            draws[i] = Math.min(at < 0 ? -at - 1 : at, n - 1);
        }
        return draws;
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
        long checkouts = affineCheckouts.sum();
        if (checkouts > 0) {
            System.out.printf("%nRESULT checkout-affinity tenants=%d checkouts=%d set_config_per_checkout=%.3f%n",
                    tenants, checkouts, tenantAwareAffine.searchPathChanges() / (double) checkouts);
        }
        pool.close();
        baselinePool.close();
        affinePool.close();
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
        int draw = ThreadLocalRandom.current().nextInt(1 << 16);
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

    @Benchmark
    public String tenantAwareAffine(Turn turn) throws SQLException {
        SchemaName schema = schemas[turn.next++ % schemas.length];
        affineCheckouts.increment();
        try (TenantScope ignored = Tenants.enter(schema)) {
            return readOne(tenantAwareAffine);
        }
    }

    @Benchmark
    public String tenantAwareZipf(Turn turn) throws SQLException {
        try (TenantScope ignored = Tenants.enter(schemas[zipfDraws[turn.draw++ & (zipfDraws.length - 1)]])) {
            return readOne(tenantAware);
        }
    }

    @Benchmark
    public String tenantAwareAffineZipf(Turn turn) throws SQLException {
        affineCheckouts.increment();
        try (TenantScope ignored = Tenants.enter(schemas[zipfDraws[turn.draw++ & (zipfDraws.length - 1)]])) {
            return readOne(tenantAwareAffine);
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
