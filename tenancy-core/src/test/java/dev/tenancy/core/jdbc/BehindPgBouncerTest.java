package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.string;
import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.TenantSchemaMissingException;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;
import dev.tenancy.test.postgres.TestPgBouncer;
import dev.tenancy.test.postgres.TestPostgres;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind PgBouncer in transaction mode with a single server connection, so that every client's transactions run,
 * one after another, on that one session. The default mode sets the path for the session and trusts it afterwards,
 * so clients read and write each other's tenants; the transaction-pooling mode sets it in every transaction and
 * keeps each client on its own tenant, refuses a missing schema, and leaves nothing on the server's session.
 */
@ExtendWith(TestDatabaseExtension.class)
class BehindPgBouncerTest {

    private static final int CLIENTS = 20;

    private static TenantFixture fixture;
    private static final List<SchemaName> tenants = new ArrayList<>();
    private static TestDatabase database;
    private TestPgBouncer bouncer;

    @BeforeAll
    static void twentyTenantsEachWithARowOfItsOwn(TestDatabase testDatabase) {
        database = testDatabase;
        fixture = new TenantFixture(testDatabase, 2);
        fixture.sql("CREATE TABLE public.notes (id serial PRIMARY KEY, tenant text NOT NULL, body text);"
                + "INSERT INTO public.notes (tenant, body) VALUES ('public', 'seed')");
        for (int i = 0; i < CLIENTS; i++) {
            SchemaName tenant = fixture.createTenant("tenant_" + i);
            fixture.sql("INSERT INTO " + tenant.quoted() + ".notes (tenant, body) VALUES ('" + tenant.value()
                    + "', 'seed')");
            tenants.add(tenant);
        }
    }

    @AfterAll
    static void closePool() {
        fixture.close();
    }

    @BeforeEach
    void oneServerConnection() {
        bouncer = TestPgBouncer.start(TestPostgres.server(), 1);
    }

    @AfterEach
    void stopPooler() {
        bouncer.close();
    }

    @Test
    void theDefaultModeReadsAndWritesAnotherTenantsRowsBehindATransactionPooler() throws Exception {
        List<String> read = readThroughInterleavedClients(defaultMode(), "default mode");

        assertThat(read).as("what client i (serving tenant_i) read").hasSize(CLIENTS);
        long foreign = foreignReads(read);
        assertThat(foreign).as("clients that read another tenant's row").isEqualTo(CLIENTS - 1);
        assertThat(read).as("every client read the tenant whose path was set last").containsOnly("tenant_19");
        assertThat(writtenInto("tenant_19", "default mode")).as("the rows every client wrote, all in tenant_19")
                .containsExactlyElementsOf(tenants.stream().map(SchemaName::value).toList());
    }

    @Test
    void theTransactionPoolingModeKeepsEveryClientOnItsOwnTenant() throws Exception {
        List<String> read = readThroughInterleavedClients(transactionPooling(), "transaction pooling");

        List<String> expected = tenants.stream().map(SchemaName::value).toList();
        assertThat(read).as("what client i (serving tenant_i) read").containsExactlyElementsOf(expected);
        for (SchemaName tenant : tenants) {
            assertThat(writtenInto(tenant.value(), "transaction pooling")).as("rows written into " + tenant)
                    .containsExactly(tenant.value());
        }
    }

    @Test
    void transactionsAndSavepointRollbacksKeepTheirTenantBehindThePooler() throws Exception {
        TenantAwareDataSource dataSource = transactionPooling();
        try (Connection first = dataSource.getConnection(tenants.get(0));
             Connection second = dataSource.getConnection(tenants.get(1))) {
            first.setAutoCommit(false);
            java.sql.Savepoint savepoint = first.setSavepoint();
            assertThat(strings(first, "SELECT tenant FROM notes WHERE body = 'seed'")).containsExactly("tenant_0");
            first.rollback(savepoint);
            assertThat(strings(first, "SELECT tenant FROM notes WHERE body = 'seed'")).containsExactly("tenant_0");
            first.commit();
            assertThat(strings(second, "SELECT tenant FROM notes WHERE body = 'seed'")).containsExactly("tenant_1");
            assertThat(strings(first, "SELECT tenant FROM notes WHERE body = 'seed'")).containsExactly("tenant_0");
            first.rollback();
            first.setAutoCommit(true);
            assertThat(first.getSchema()).isEqualTo("tenant_0");
            assertThat(second.getSchema()).isEqualTo("tenant_1");
        }
    }

    @Test
    void aStatementWithAFetchSizeReadsItsWholeResultInItsOwnTransaction() throws Exception {
        fixture.sql("INSERT INTO tenant_2.notes (tenant, body) SELECT 'tenant_2', 'many' FROM generate_series(1, 5)");
        try (Connection connection = transactionPooling().getConnection(tenants.get(2));
             PreparedStatement select = connection.prepareStatement("SELECT tenant FROM notes WHERE body = 'many'")) {
            select.setFetchSize(2);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            assertThat(rows).hasSize(5).containsOnly("tenant_2");
            assertThat(select.getFetchSize()).isEqualTo(2);
        }
    }

    @Test
    void aTenantWhoseSchemaIsMissingIsRefusedNotServedFromPublic() throws Exception {
        TenantAwareDataSource dataSource = transactionPooling();
        SchemaName missing = SchemaName.of("tenant_missing");
        try (Connection connection = dataSource.getConnection(missing)) {
            assertThatThrownBy(() -> strings(connection, "SELECT tenant FROM notes"))
                    .isInstanceOf(TenantSchemaMissingException.class).hasMessageContaining("tenant_missing");
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> strings(connection, "SELECT tenant FROM notes"))
                    .isInstanceOf(TenantSchemaMissingException.class).hasMessageContaining("tenant_missing");
            connection.rollback();
        }
        Tenants.run(missing, () -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT tenant FROM notes")) {
                assertThatThrownBy(select::executeQuery).isInstanceOf(TenantSchemaMissingException.class);
            }
        });
    }

    @Test
    void theTransactionPoolingModeLeavesNoPathOnTheServersSession() throws Exception {
        PGSimpleDataSource pooler = throughPooler();
        String before;
        try (Connection raw = pooler.getConnection()) {
            before = string(raw, "SHOW search_path");
        }
        TenantAwareDataSource dataSource = transactionPooling();
        try (Connection connection = dataSource.getConnection(tenants.get(3));
             Connection raw = pooler.getConnection()) {
            assertThat(strings(connection, "SELECT tenant FROM notes WHERE body = 'seed'"))
                    .containsExactly("tenant_3");
            connection.setAutoCommit(false);
            assertThat(strings(connection, "SELECT tenant FROM notes WHERE body = 'seed'"))
                    .containsExactly("tenant_3");
            connection.commit();

            assertThat(string(raw, "SHOW search_path")).as("the one server session's path").isEqualTo(before);
            assertThat(strings(raw, "SELECT tenant FROM notes WHERE body = 'seed'")).containsExactly("public");
        }
    }

    /**
     * Client i opens a connection for tenant_i, one after another; then each writes a row tagged with its tenant and
     * reads the tenant of the seed row it sees. Returns what each client read.
     */
    private List<String> readThroughInterleavedClients(TenantAwareDataSource dataSource, String body)
            throws SQLException {
        List<Connection> clients = new ArrayList<>();
        try {
            for (SchemaName tenant : tenants) {
                clients.add(dataSource.getConnection(tenant));
            }
            List<String> read = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Connection client = clients.get(i);
                try (PreparedStatement insert = client.prepareStatement(
                        "INSERT INTO notes (tenant, body) VALUES (?, ?)")) {
                    insert.setString(1, tenants.get(i).value());
                    insert.setString(2, body);
                    insert.executeUpdate();
                }
                read.add(string(client, "SELECT tenant FROM notes WHERE body = 'seed'"));
            }
            return read;
        } finally {
            for (Connection client : clients) {
                client.close();
            }
        }
    }

    private static long foreignReads(List<String> read) {
        long foreign = 0;
        for (int i = 0; i < read.size(); i++) {
            if (!tenants.get(i).value().equals(read.get(i))) {
                foreign++;
            }
        }
        return foreign;
    }

    private static List<String> writtenInto(String schema, String body) throws SQLException {
        try (Connection connection = fixture.pool().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tenant FROM \"" + schema + "\".notes WHERE body = '"
                     + body + "' ORDER BY id")) {
            List<String> tags = new ArrayList<>();
            while (rows.next()) {
                tags.add(rows.getString(1));
            }
            return tags;
        }
    }

    /**
     * The default mode. Its schema check interval (default one second) is stretched so that a slow machine cannot
     * make the check due between the steps: then a connection that set its path trusts it, as it does in production
     * for the second and later statements of a request.
     */
    private TenantAwareDataSource defaultMode() {
        return TenantAwareDataSource.builder(throughPooler()).schemaCheckInterval(Duration.ofHours(1)).build();
    }

    private TenantAwareDataSource transactionPooling() {
        return TenantAwareDataSource.builder(throughPooler()).schemaCheckInterval(Duration.ofHours(1))
                .transactionPooling(true).build();
    }

    private PGSimpleDataSource throughPooler() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(bouncer.jdbcUrl(database.name()));
        dataSource.setUser(database.username());
        if (database.password() != null) {
            dataSource.setPassword(database.password());
        }
        return dataSource;
    }
}
