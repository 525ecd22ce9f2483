package dev.tenancy.benchmarks;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantScope;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPgBouncer;
import dev.tenancy.test.postgres.TestPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * What the transaction-pooling mode costs per unit of work against the default mode, with a HikariCP pool of 8
 * connections and 20 tenants taken in turn. {@code setup}: {@code session-direct} is the default mode straight to the
 * tests' PostgreSQL; {@code transaction-direct} the transaction-pooling mode on the same path (the mode's own cost);
 * {@code transaction-pgbouncer} the transaction-pooling mode through a PgBouncer of its own in transaction mode with
 * 4 server connections (the mode as deployed, the pooler's hop included). The default mode cannot be measured behind
 * that PgBouncer: its transactions run on server connections whose path it never set (they fail with "relation does
 * not exist" here, or read another tenant's rows; see {@code BehindPgBouncerTest}). The direct set-ups use
 * {@code prepareThreshold=0} too (PgBouncer before 1.21 needs it), so the three differ only in the mode and the hop.
 *
 * <p>{@code autoCommitRead}: check a connection out, read one row by primary key with auto-commit on, give it back
 * (default mode: {@code set_config} at checkout, then the read; transaction-pooling mode: {@code BEGIN} with
 * {@code set_config}, the read, {@code COMMIT}). {@code transaction}: check out, turn auto-commit off, read two rows,
 * commit (both modes: one {@code set_config}, two reads, the commit). Needs the {@code pgbouncer} binary (Debian's
 * package) for {@code transaction-pgbouncer}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PoolerBenchmark {

    private static final int TENANTS = 20;
    private static final String READ = "SELECT id, body FROM notes WHERE id = ?";

    @Param({"session-direct", "transaction-direct", "transaction-pgbouncer"})
    public String setup;

    private TestDatabase database;
    private TestPgBouncer bouncer;
    private HikariDataSource pool;
    private TenantAwareDataSource tenantAware;
    private SchemaName[] schemas;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        database = TestPostgres.server().createDatabase("pooler_benchmark");
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
            schemas = new SchemaName[TENANTS];
            for (int i = 0; i < TENANTS; i++) {
                schemas[i] = SchemaName.of("tenant_" + i);
                statement.execute("CREATE SCHEMA " + schemas[i].quoted() + "; CREATE TABLE " + schemas[i].quoted()
                        + ".notes (id int PRIMARY KEY, body text); INSERT INTO " + schemas[i].quoted()
                        + ".notes VALUES (1, 'note'), (2, 'other note')");
            }
        }
        HikariConfig config = new HikariConfig();
        if (setup.endsWith("pgbouncer")) {
            bouncer = TestPgBouncer.start(TestPostgres.server(), 4);
            config.setJdbcUrl(bouncer.jdbcUrl(database.name()));
        } else {
            config.setJdbcUrl(database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?")
                    + "prepareThreshold=0");
        }
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(8);
        config.setPoolName("pooler-benchmark");
        pool = new HikariDataSource(config);
        tenantAware = TenantAwareDataSource.builder(pool).transactionPooling(setup.startsWith("transaction"))
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
        if (bouncer != null) {
            bouncer.close();
        }
        database.close();
    }

    /** Which tenant a thread serves next; each thread walks the tenants in turn. */
    @State(Scope.Thread)
    public static class Turn {
        int next;

        SchemaName take(SchemaName[] schemas) {
            next = (next + 1) % schemas.length;
            return schemas[next];
        }
    }

    @Benchmark
    public String autoCommitRead(Turn turn) throws SQLException {
        try (TenantScope ignored = Tenants.enter(turn.take(schemas));
             Connection connection = tenantAware.getConnection()) {
            return read(connection, 1);
        }
    }

    @Benchmark
    public String transaction(Turn turn) throws SQLException {
        try (TenantScope ignored = Tenants.enter(turn.take(schemas));
             Connection connection = tenantAware.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String first = read(connection, 1);
                String second = read(connection, 2);
                connection.commit();
                return first + second;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static String read(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setInt(1, id);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(2);
            }
        }
    }
}
