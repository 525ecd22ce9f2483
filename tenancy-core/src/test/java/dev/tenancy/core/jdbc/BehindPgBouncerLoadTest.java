package dev.tenancy.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;
import dev.tenancy.test.postgres.TestPgBouncer;
import dev.tenancy.test.postgres.TestPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 32 clients (a pool of 32 connections, one thread each) over 20 tenants, through PgBouncer in transaction mode
 * with 5 server connections, in the transaction-pooling mode: auto-commit statements, committed and rolled-back
 * transactions (two in a row on one connection, too), savepoint rollbacks and failing statements, every row tagged
 * with its tenant. No client reads a row of another tenant, and no row is written into another tenant's schema
 * ({@code public} has a {@code notes} table too, as applications often have, so a statement run under no tenant's
 * path would read or write there rather than fail). The system property
 * {@code tenancy.reliability.pgbouncer.rounds} (default 100) sets the rounds per client, for the long run of
 * {@code RELIABILITY.md}.
 */
@ExtendWith(TestDatabaseExtension.class)
class BehindPgBouncerLoadTest {

    private static final int CLIENTS = 32;
    private static final int TENANTS = 20;
    private static final int SERVER_CONNECTIONS = 5;
    private static final int ROUNDS = Integer.getInteger("tenancy.reliability.pgbouncer.rounds", 100);

    @Test
    void thirtyTwoClientsOverTwentyTenantsNeverSeeAForeignRowThroughATransactionPooler(TestDatabase database)
            throws Exception {
        try (TenantFixture fixture = new TenantFixture(database, 2);
             TestPgBouncer bouncer = TestPgBouncer.start(TestPostgres.server(), SERVER_CONNECTIONS);
             HikariDataSource pool = poolThrough(bouncer, database)) {
            fixture.sql("CREATE TABLE public.notes (id serial PRIMARY KEY, tenant text NOT NULL, body text);"
                    + "INSERT INTO public.notes (tenant, body) VALUES ('public', 'public note')");
            List<SchemaName> tenants = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                tenants.add(fixture.createTenant("tenant_" + i));
            }
            TenantAwareDataSource dataSource = TenantAwareDataSource.builder(pool).transactionPooling(true).build();

            long started = System.nanoTime();
            long[] totals = load(dataSource, tenants);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long misplaced = misplacedRows(fixture, tenants);
            System.out.printf("Behind PgBouncer %s (transaction mode, %d server connections): %d clients, %d tenants, "
                    + "%d rounds, %d rows read, %d foreign rows read, %d rows written into another tenant, %d ms%n",
                    bouncer.version(), SERVER_CONNECTIONS, CLIENTS, TENANTS, totals[0], totals[1], totals[2],
                    misplaced, millis);

            assertThat(totals[0]).as("rounds run").isEqualTo((long) CLIENTS * ROUNDS);
            assertThat(totals[1]).as("rows read").isGreaterThan(CLIENTS * ROUNDS);
            assertThat(totals[2]).as("rows of another tenant read").isZero();
            assertThat(misplaced).as("rows written into another tenant's schema").isZero();
        }
    }

    private static long[] load(TenantAwareDataSource dataSource, List<SchemaName> tenants) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                results.add(clients.submit(() -> client(dataSource, tenants)));
            }
            long[] totals = new long[3];
            for (Future<long[]> result : results) {
                long[] counts = result.get(5, TimeUnit.MINUTES);
                for (int i = 0; i < totals.length; i++) {
                    totals[i] += counts[i];
                }
            }
            return totals;
        } finally {
            clients.shutdownNow();
        }
    }

    /** One client's rounds; returns {rounds, rows read, foreign rows read}. */
    private static long[] client(TenantAwareDataSource dataSource, List<SchemaName> tenants) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long[] counts = new long[3];
        for (int round = 0; round < ROUNDS; round++) {
            SchemaName tenant = tenants.get(random.nextInt(tenants.size()));
            int kind = random.nextInt(5);
            long[] read = Tenants.call(tenant, () -> {
                try (Connection connection = dataSource.getConnection()) {
                    return round(connection, tenant, kind);
                }
            });
            counts[0]++;
            counts[1] += read[0];
            counts[2] += read[1];
        }
        return counts;
    }

    /** One request of the given kind; returns {rows read, foreign rows read}. */
    private static long[] round(Connection connection, SchemaName tenant, int kind) throws SQLException {
        long[] read = new long[2];
        switch (kind) {
            case 0 -> {
                insert(connection, tenant, "auto-commit");
                readRecent(connection, tenant, read);
            }
            case 1 -> {
                connection.setAutoCommit(false);
                insert(connection, tenant, "committed");
                readRecent(connection, tenant, read);
                connection.commit();
                readRecent(connection, tenant, read);
                connection.commit();
            }
            case 2 -> {
                connection.setAutoCommit(false);
                insert(connection, tenant, "rolled back");
                readRecent(connection, tenant, read);
                connection.rollback();
            }
            case 3 -> {
                connection.setAutoCommit(false);
                Savepoint savepoint = connection.setSavepoint();
                insert(connection, tenant, "undone by savepoint");
                connection.rollback(savepoint);
                readRecent(connection, tenant, read);
                insert(connection, tenant, "after savepoint");
                connection.commit();
            }
            default -> {
                connection.setAutoCommit(ThreadLocalRandom.current().nextBoolean());
                try (Statement failing = connection.createStatement()) {
                    failing.execute("INSERT INTO notes (tenant) VALUES (NULL)");
                } catch (SQLException notNull) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                }
                try (Statement plain = connection.createStatement();
                     ResultSet rows = plain.executeQuery("SELECT tenant FROM notes ORDER BY id DESC LIMIT 10")) {
                    tally(rows, tenant, read);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
        }
        connection.setAutoCommit(true);
        return read;
    }

    private static void insert(Connection connection, SchemaName tenant, String body) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (tenant, body) VALUES (?, ?)")) {
            insert.setString(1, tenant.value());
            insert.setString(2, body);
            insert.executeUpdate();
        }
    }

    private static void readRecent(Connection connection, SchemaName tenant, long[] read) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tenant FROM notes ORDER BY id DESC LIMIT 20");
             ResultSet rows = select.executeQuery()) {
            tally(rows, tenant, read);
        }
    }

    private static void tally(ResultSet rows, SchemaName tenant, long[] read) throws SQLException {
        while (rows.next()) {
            read[0]++;
            if (!tenant.value().equals(rows.getString(1))) {
                read[1]++;
            }
        }
    }

    /** Rows tagged with a tenant that sit in another tenant's schema or in {@code public}. */
    private static long misplacedRows(TenantFixture fixture, List<SchemaName> tenants) throws SQLException {
        List<String> schemas = new ArrayList<>(List.of("public"));
        tenants.forEach(tenant -> schemas.add(tenant.value()));
        long misplaced = 0;
        try (Connection connection = fixture.pool().getConnection();
             Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + schema
                        + "\".notes WHERE tenant <> '" + schema + "'")) {
                    rows.next();
                    misplaced += rows.getLong(1);
                }
            }
        }
        return misplaced;
    }

    private static HikariDataSource poolThrough(TestPgBouncer bouncer, TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(bouncer.jdbcUrl(database.name()));
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(CLIENTS);
        config.setPoolName("pgbouncer-" + database.name());
        return new HikariDataSource(config);
    }
}
