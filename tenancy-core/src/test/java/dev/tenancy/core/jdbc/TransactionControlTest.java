package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Transaction control and path changes the connection did not make itself (a commit the server turned into a
 * rollback, SQL text sent through any kind of statement) never leave a later statement under another path.
 */
@ExtendWith(TestDatabaseExtension.class)
class TransactionControlTest {

    private static TenantFixture fixture;
    private static TenantAwareDataSource dataSource;
    private static SchemaName acme;
    private static SchemaName globex;

    @BeforeAll
    static void twoTenantsAndPublicNotes(TestDatabase database) {
        fixture = new TenantFixture(database, 1);
        acme = fixture.createTenant("tenant_acme");
        globex = fixture.createTenant("tenant_globex");
        fixture.sql("CREATE TABLE public.notes (id serial PRIMARY KEY, tenant text NOT NULL, body text);"
                + "CREATE TABLE tenant_globex.codes (code int, CONSTRAINT unique_code UNIQUE (code) "
                + "DEFERRABLE INITIALLY DEFERRED)");
        dataSource = TenantAwareDataSource.wrap(fixture.pool());
    }

    @AfterAll
    static void closePool() {
        fixture.close();
    }

    @BeforeEach
    void oneNoteEach() {
        fixture.sql("TRUNCATE tenant_acme.notes, tenant_globex.notes, public.notes, tenant_globex.codes;"
                + "INSERT INTO tenant_acme.notes (tenant, body) VALUES ('tenant_acme', 'acme');"
                + "INSERT INTO tenant_globex.notes (tenant, body) VALUES ('tenant_globex', 'globex');"
                + "INSERT INTO public.notes (tenant, body) VALUES ('public', 'public')");
    }

    @Test
    void aCommitTheServerTurnedIntoARollbackLeavesNoOtherTenantsPath() throws Exception {
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            connection.setAutoCommit(false);
            Tenants.run(globex, () -> {
                try (Statement insert = connection.createStatement()) {
                    insert.executeUpdate("INSERT INTO codes VALUES (1), (1)");
                }
                assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class)
                        .hasMessageContaining("unique_code");
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex");
            });
            connection.rollback();
        }
    }

    @ParameterizedTest(name = "{0} through {1}")
    @CsvSource(delimiter = '|', value = {
        "SET search_path TO tenant_globex                           | statement",
        "SET search_path TO tenant_globex                           | prepared",
        "SET search_path TO tenant_globex                           | callable",
        "SET search_path TO tenant_globex                           | batch",
        "SET SCHEMA 'tenant_globex'                                 | statement",
        "SELECT set_config('search_path', 'tenant_globex', false)   | prepared",
        "RESET ALL                                                  | statement",
        "RESET search_path                                          | prepared",
        "DISCARD ALL                                                | statement",
        "SELECT 1; SET search_path TO tenant_globex                 | statement"})
    void pathChangesSentAsSqlTextAreUndoneBeforeTheNextStatement(String sql, String kind) throws Exception {
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection()) {
                PreparedStatement preparedBefore = connection.prepareStatement("SELECT body FROM notes");
                send(connection, sql, kind);

                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme");
                try (var rows = preparedBefore.executeQuery()) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo("acme");
                }
                preparedBefore.close();
            }
        });
    }

    @ParameterizedTest(name = "BEGIN ... {0} through {1}")
    @CsvSource(delimiter = '|', value = {
        "ROLLBACK | statement",
        "ROLLBACK | prepared",
        "ABORT    | statement",
        "ROLLBACK | batch"})
    void aTransactionBegunAndEndedAsSqlTextLeavesNoOtherTenantsPath(String end, String kind) throws Exception {
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            send(connection, "BEGIN", kind);
            Tenants.run(globex, () -> {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex");
                send(connection, end, kind);
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex");
            });
        }
    }

    private static void send(Connection connection, String sql, String kind) throws SQLException {
        switch (kind) {
            case "statement" -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }
            case "prepared" -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.execute();
                }
            }
            case "callable" -> {
                try (CallableStatement statement = connection.prepareCall(sql)) {
                    statement.execute();
                }
            }
            case "batch" -> {
                try (Statement statement = connection.createStatement()) {
                    statement.addBatch(sql);
                    statement.executeBatch();
                }
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }
}
