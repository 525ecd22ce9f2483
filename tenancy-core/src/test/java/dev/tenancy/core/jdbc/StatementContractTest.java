package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.postgresql.PGStatement;

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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tenant connection's statements behave as JDBC statements (identity, unwrapping, a description naming their
 * tenant), and the SQL text they send is read closely enough that a path change or transaction end hidden behind
 * comments or written in capitals is still noticed, while ordinary SQL costs no extra {@code SET}.
 */
@ExtendWith(TestDatabaseExtension.class)
class StatementContractTest {

    private static TenantFixture fixture;
    private static TenantAwareDataSource dataSource;
    private static SchemaName acme;
    private static SchemaName globex;

    @BeforeAll
    static void twoTenantsAndPublicNotes(TestDatabase database) {
        fixture = new TenantFixture(database, 1);
        acme = fixture.createTenant("tenant_acme");
        globex = fixture.createTenant("tenant_globex");
        fixture.sql("CREATE TABLE public.notes (id serial PRIMARY KEY, tenant text NOT NULL, body text)");
        dataSource = TenantAwareDataSource.wrap(fixture.pool());
    }

    @AfterAll
    static void closePool() {
        fixture.close();
    }

    @BeforeEach
    void oneNoteEach() {
        fixture.sql("TRUNCATE tenant_acme.notes, tenant_globex.notes, public.notes;"
                + "INSERT INTO tenant_acme.notes (tenant, body) VALUES ('tenant_acme', 'acme');"
                + "INSERT INTO tenant_globex.notes (tenant, body) VALUES ('tenant_globex', 'globex');"
                + "INSERT INTO public.notes (tenant, body) VALUES ('public', 'public')");
    }

    @Test
    void aStatementIsEqualOnlyToItselfAndUnwrapsToItselfOrTheDriversStatement() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                Statement other = connection.createStatement();
                PreparedStatement prepared = Tenants.call(acme, () -> connection.prepareStatement("SELECT 1"))) {
            assertThat(statement).isEqualTo(statement).isNotEqualTo(other);
            assertThat(statement.hashCode()).isEqualTo(statement.hashCode());
            assertThat(statement.isWrapperFor(Statement.class)).isTrue();
            assertThat(statement.isWrapperFor(PGStatement.class)).isTrue();
            assertThat(statement.isWrapperFor(CallableStatement.class)).isFalse();
            assertThat(statement.unwrap(PGStatement.class)).isNotNull().isNotSameAs(statement);
            assertThat(prepared.unwrap(PreparedStatement.class)).isSameAs(prepared);
            assertThat(prepared.isWrapperFor(PreparedStatement.class)).isTrue();
            assertThat(prepared.getConnection()).isSameAs(connection);
        }
    }

    @Test
    void aStatementsDescriptionNamesTheTenantItWasMadeFor() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement plain = connection.createStatement();
                PreparedStatement forAcme = Tenants.call(acme, () -> connection.prepareStatement("SELECT 1"));
                PreparedStatement forPublic = connection.prepareStatement("SELECT 1")) {
            assertThat(forAcme.toString()).startsWith("TenantStatement[made for tenant_acme, ");
            assertThat(forPublic.toString()).startsWith("TenantStatement[made for public, ");
            assertThat(plain.toString()).startsWith("TenantStatement[").doesNotContain("made for");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/* a note */ RESET ALL",
        "/* one *//* two */RESET ALL",
        "-- a note\nRESET ALL",
        "SELECT 1 -- a note\n; RESET ALL",
        "SELECT 1;RESET ALL",
        "SELECT SET_CONFIG('SEARCH_PATH', 'tenant_globex', false)",
        "SELECT 1; /* a note */ RESET ALL",
        "(SELECT 1); RESET ALL",
        "SELECT 2 - 1; RESET ALL",
        "SELECT 4 / 2; RESET ALL",
        "SELECT count(*) FROM notes; RESET ALL"})
    void pathChangesBehindCommentsOrInCapitalsAreNoticed(String sql) throws Exception {
        for (boolean prepared : new boolean[] {false, true}) {
            Tenants.run(acme, () -> {
                try (Connection connection = dataSource.getConnection()) {
                    send(connection, sql, prepared);
                    assertThat(strings(connection, "SELECT body FROM notes")).as("after %s", sql)
                            .containsExactly("acme");
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT body FROM notes",
        "/* RESET ALL */ SELECT body FROM notes",
        "-- RESET ALL\nSELECT body FROM notes",
        "/*/ RESET ALL */ SELECT body FROM notes",
        "SELECT body FROM notes WHERE body <> 'x;settle'",
        "SELECT body FROM notes WHERE body <> 'x;reset_me'",
        "SELECT body FROM notes WHERE body <> 'x; end2'",
        "SELECT body FROM notes WHERE body <> 'x;Settings'",
        "SELECT body FROM notes WHERE 2 - 1 = 1 AND 4 / 2 = 2"})
    void ordinarySqlCostsNoExtraSet(String sql) throws Exception {
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme");
                long before = dataSource.searchPathChanges();
                send(connection, sql, false);
                send(connection, sql, true);
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme");
                assertThat(dataSource.searchPathChanges() - before).as("SETs around %s", sql).isZero();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SELECT 4 /", "SELECT 4 -"})
    void sqlCutShortFailsAsTheDatabaseRefusesIt(String sql) throws Exception {
        for (boolean prepared : new boolean[] {false, true}) {
            Tenants.run(acme, () -> {
                try (Connection connection = dataSource.getConnection()) {
                    assertThatThrownBy(() -> send(connection, sql, prepared)).isInstanceOf(SQLException.class)
                            .hasMessageContaining("syntax error");
                }
            });
        }
    }

    @Test
    void aBatchThatChangedThePathIsForgottenOnceRunOrCleared() throws Exception {
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection(); Statement batch = connection.createStatement()) {
                batch.addBatch("SET search_path TO tenant_globex");
                batch.executeBatch();
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme");
                long afterRun = dataSource.searchPathChanges();
                batch.addBatch("INSERT INTO notes (tenant, body) VALUES ('tenant_acme', 'second')");
                batch.executeBatch();
                assertThat(batch.executeQuery("SELECT 1").next()).isTrue();
                assertThat(dataSource.searchPathChanges() - afterRun).as("no SET after a harmless batch").isZero();

                batch.addBatch("RESET search_path");
                batch.clearBatch();
                batch.addBatch("INSERT INTO notes (tenant, body) VALUES ('tenant_acme', 'third')");
                batch.executeBatch();
                assertThat(strings(connection, "SELECT body FROM notes ORDER BY id"))
                        .containsExactly("acme", "second", "third");
                assertThat(dataSource.searchPathChanges() - afterRun).as("no SET for a cleared batch").isZero();
            }
        });
    }

    private static void send(Connection connection, String sql, boolean prepared) throws Exception {
        if (prepared) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.execute();
            }
        } else {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
