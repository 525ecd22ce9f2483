package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.TenantSchemaMissingException;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenant-affine reuse of pooled connections: a connection given back with its tenant's path is parked, and the
 * tenant's next connection reuses it with no {@code set_config}; everything that makes its path uncertain gives it
 * back to the pool instead, so the next checkout sets the path again. One pooled connection (a pool of one), so that
 * every checkout gets the same physical connection: a wrong skip would show as another tenant's or public's rows.
 */
@ExtendWith(TestDatabaseExtension.class)
class TenantAffinityTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    private static TestDatabase database;
    private static TenantFixture fixture;
    private static SchemaName acme;
    private static SchemaName globex;
    private TenantAwareDataSource dataSource;

    @BeforeAll
    static void twoTenantsAndPublicNotes(TestDatabase testDatabase) {
        database = testDatabase;
        fixture = new TenantFixture(testDatabase, 1);
        fixture.pool().setConnectionTimeout(5_000);
        acme = fixture.createTenant("tenant_acme");
        globex = fixture.createTenant("tenant_globex");
        fixture.sql("CREATE TABLE public.notes (id serial PRIMARY KEY, tenant text NOT NULL, body text);"
                + "INSERT INTO tenant_acme.notes (tenant, body) VALUES ('tenant_acme', 'acme');"
                + "INSERT INTO tenant_globex.notes (tenant, body) VALUES ('tenant_globex', 'globex');"
                + "INSERT INTO public.notes (tenant, body) VALUES ('public', 'public');"
                + "CREATE TABLE tenant_acme.codes (code int, CONSTRAINT unique_code UNIQUE (code) "
                + "DEFERRABLE INITIALLY DEFERRED)");
    }

    @AfterAll
    static void closePool() {
        fixture.close();
    }

    @BeforeEach
    void affineDataSource() {
        dataSource = affine(Duration.ofMinutes(10));
    }

    @AfterEach
    void nothingLeftParked() throws Exception {
        releaseParked(dataSource);
    }

    static TenantAwareDataSource affine(Duration schemaCheckInterval) {
        return TenantAwareDataSource.builder(fixture.pool()).schemaCheckInterval(schemaCheckInterval)
                .tenantAffinity(LONG, LONG).build();
    }

    /** Waits, with a deadline, until the sweeper has given every parked connection back (a thread waits for one). */
    static void releaseParked(TenantAwareDataSource dataSource) throws SQLException {
        try (Connection raw = dataSource.target().getConnection()) {
            assertThat(raw.isValid(1)).isTrue();
        }
        assertThat(dataSource.affinity().parkedCount()).isZero();
    }

    /** Reads the tenant's notes on a connection of its own and gives it back; the set_config calls it took. */
    private long readAs(SchemaName tenant, String expected) throws Exception {
        long before = dataSource.searchPathChanges();
        Tenants.Block<Exception> read = () -> {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly(expected);
            }
        };
        if (tenant == null) {
            Tenants.runInPublic(read);
        } else {
            Tenants.run(tenant, read);
        }
        return dataSource.searchPathChanges() - before;
    }

    @Test
    void theSameTenantsNextConnectionReusesThePathWithNoRoundTrip() throws Exception {
        assertThat(readAs(acme, "acme")).as("a fresh lease: path unknown, set").isEqualTo(1);
        long hits = dataSource.affinity().hits();
        for (int i = 0; i < 5; i++) {
            assertThat(readAs(acme, "acme")).as("parked with acme's path: no set_config").isZero();
        }
        assertThat(dataSource.affinity().hits() - hits).isEqualTo(5);
        try (Connection pinned = dataSource.getConnection(acme)) {
            assertThat(dataSource.searchPathChanges()).as("a pinned connection reuses it too").isEqualTo(1);
            assertThat(strings(pinned, "SELECT body FROM notes")).containsExactly("acme");
        }
    }

    @Test
    void anotherTenantTakingTheParkedConnectionSetsItsOwnPathAndTheFirstTenantGetsItsBack() throws Exception {
        readAs(acme, "acme");
        assertThat(readAs(globex, "globex")).as("acme's parked connection, set to globex").isEqualTo(1);
        assertThat(readAs(acme, "acme")).isEqualTo(1);
        assertThat(readAs(null, "public")).isEqualTo(1);
        assertThat(readAs(null, "public")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SET search_path TO tenant_globex", "RESET search_path", "DISCARD ALL",
        "SELECT set_config('search_path', 'tenant_globex', false)"})
    void sqlTextThatMayChangeThePathGivesTheConnectionBackToThePool(String sql) throws Exception {
        readAs(acme, "acme");
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
        assertThat(readAs(acme, "acme")).as("the path is uncertain: set again").isEqualTo(1);
    }

    @Test
    void aPathSetInATransactionThatRolledBackIsNotTrusted() throws Exception {
        readAs(null, "public");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Tenants.run(acme, () -> assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme"));
            connection.rollback();
            connection.setAutoCommit(true);
        }
        assertThat(readAs(acme, "acme")).as("the rollback undid acme's path").isEqualTo(1);
    }

    @Test
    void aConnectionGivenBackInsideATransactionIsNotParked() throws Exception {
        readAs(null, "public");
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        Tenants.run(acme, () -> assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme"));
        connection.close();
        assertThat(dataSource.affinity().parkedCount()).isZero();
        assertThat(readAs(acme, "acme")).isEqualTo(1);
    }

    @Test
    void aCommitThatFailedLeavesThePathUncertain() throws Exception {
        readAs(null, "public");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Tenants.run(acme, () -> {
                try (Statement insert = connection.createStatement()) {
                    insert.executeUpdate("INSERT INTO codes VALUES (1), (1)");
                }
            });
            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("unique_code");
            connection.setAutoCommit(true);
        }
        assertThat(readAs(acme, "acme")).as("the failed commit rolled acme's path back").isEqualTo(1);
    }

    @Test
    void theDriversConnectionTakenThroughUnwrapMakesThePathUncertain() throws Exception {
        readAs(acme, "acme");
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection()) {
                Connection driver = (Connection) connection.unwrap(PGConnection.class);
                try (Statement statement = driver.createStatement()) {
                    statement.execute("SET search_path TO tenant_globex");
                }
            }
        });
        assertThat(readAs(acme, "acme")).isEqualTo(1);
    }

    @Test
    void theDriversStatementTakenThroughUnwrapMakesThePathUncertain() throws Exception {
        readAs(acme, "acme");
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                Statement driver = (Statement) statement.unwrap(PGStatement.class);
                driver.execute("SET search_path TO tenant_globex");
            }
        });
        assertThat(readAs(acme, "acme")).isEqualTo(1);
    }

    @Test
    void aStatementOfAConnectionAlreadyGivenBackIsRefused() throws Exception {
        Connection closed = Tenants.call(acme, () -> dataSource.getConnection());
        PreparedStatement leaked = Tenants.call(acme, () -> closed.prepareStatement("SELECT body FROM notes"));
        closed.close();
        assertThat(closed.isClosed()).isTrue();
        Tenants.run(globex, () -> {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex");
                assertThatThrownBy(leaked::executeQuery).isInstanceOf(SQLException.class)
                        .hasMessageContaining("closed");
                assertThatThrownBy(closed::commit).isInstanceOf(SQLException.class);
            }
        });
        closed.close();
    }

    @Test
    void libraryWorkOnTheRawPoolGetsTheParkedConnectionBackAndItsPathIsSetAgainAfterwards() throws Exception {
        readAs(acme, "acme");
        DataSource libraryWork = TenantAwareDataSource.forLibraryWork(dataSource, "public");
        try (Connection raw = libraryWork.getConnection(); Statement statement = raw.createStatement()) {
            assertThat(strings(raw, "SELECT body FROM notes")).containsExactly("public");
            statement.execute("SET search_path TO tenant_globex");
        }
        assertThat(readAs(acme, "acme")).as("back from the pool: path unknown").isEqualTo(1);
    }

    @Test
    void aDroppedSchemaIsRefusedOnAParkedConnectionWhenTheCheckIsDue() throws Exception {
        SchemaName doomed = fixture.createTenant("tenant_doomed");
        TenantAwareDataSource checkingEveryTime = affine(Duration.ZERO);
        try {
            Tenants.run(doomed, () -> {
                try (Connection connection = checkingEveryTime.getConnection()) {
                    assertThat(strings(connection, "SELECT tenant FROM notes")).isEmpty();
                }
            });
            assertThat(checkingEveryTime.affinity().parkedCount()).as("parked with doomed's path").isEqualTo(1);
            try (Connection outsideThePool = database.openConnection();
                    Statement drop = outsideThePool.createStatement()) {
                drop.execute("DROP SCHEMA tenant_doomed CASCADE");
            }
            assertThat(checkingEveryTime.affinity().parkedCount()).isEqualTo(1);
            assertThatThrownBy(() -> Tenants.run(doomed, () -> checkingEveryTime.getConnection().close()))
                    .isInstanceOf(TenantSchemaMissingException.class).hasMessageContaining("tenant_doomed");
        } finally {
            releaseParked(checkingEveryTime);
        }
    }

    @Test
    void behindATransactionPoolerOrWithoutHikariTenantAffinityIsRefused() {
        assertThatThrownBy(() -> TenantAwareDataSource.builder(fixture.pool()).transactionPooling(true)
                .tenantAffinity(LONG, LONG).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transaction pooler");
        assertThatThrownBy(() -> TenantAwareDataSource.builder(new PGSimpleDataSource()).tenantAffinity(LONG, LONG)
                .build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a HikariCP pool");
        assertThatThrownBy(() -> TenantAwareDataSource.builder(fixture.pool())
                .tenantAffinity(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least the idle timeout");
    }
}
