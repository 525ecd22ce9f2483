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

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a connection kept open remembers about its session's path: it sets a tenant's path once for many statements,
 * keeps a path committed before a transaction through that transaction's rollback, forgets one a failed commit
 * undid, and still checks the tenant's schema once the check interval has passed. On PostgreSQL 18 and later the
 * server reports the path, and the same outcomes hold without the bookkeeping.
 */
@ExtendWith(TestDatabaseExtension.class)
class PathBookkeepingTest {

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
        dataSource = TenantAwareDataSource.builder(fixture.pool()).schemaCheckInterval(Duration.ofMinutes(10))
                .build();
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
    void aConnectionKeptOpenForOneTenantSetsItsPathOnceForManyStatements() throws Exception {
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            assertThat(connection.getAutoCommit()).isTrue();
            long before = dataSource.searchPathChanges();
            Tenants.run(acme, () -> {
                for (int i = 0; i < 5; i++) {
                    assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme");
                }
            });
            assertThat(dataSource.searchPathChanges() - before).as("the path set at checkout still holds").isZero();

            Tenants.run(globex, () -> {
                for (int i = 0; i < 5; i++) {
                    assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex");
                }
            });
            assertThat(dataSource.searchPathChanges() - before).as("one SET for the switch to globex").isEqualTo(1);
        }
    }

    @Test
    void aPathCommittedBeforeATransactionSurvivesItsRollbackWithoutANewSet() throws Exception {
        for (boolean committedBySetAutoCommit : new boolean[] {false, true}) {
            try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
                connection.setAutoCommit(false);
                Tenants.run(globex, () -> assertThat(strings(connection, "SELECT body FROM notes"))
                        .containsExactly("globex"));
                if (committedBySetAutoCommit) {
                    connection.setAutoCommit(true);
                    connection.setAutoCommit(false);
                } else {
                    connection.commit();
                }
                long before = dataSource.searchPathChanges();
                Tenants.run(globex, () -> {
                    assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex");
                    connection.rollback();
                    assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex");
                });
                assertThat(dataSource.searchPathChanges() - before)
                        .as("globex's path was committed; the rollback could not undo it").isZero();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    void aRepeatedSetAutoCommitFalseInsideATransactionDoesNotMakeItsPathOutliveARollback() throws Exception {
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            connection.setAutoCommit(false);
            Tenants.run(globex, () -> {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex");
                connection.setAutoCommit(false);
                connection.rollback();
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex");
            });
            connection.setAutoCommit(true);
        }
    }

    @Test
    void aCommitBySetAutoCommitThatTheServerTurnedIntoARollbackLeavesNoOtherTenantsPath() throws Exception {
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            connection.setAutoCommit(false);
            Tenants.run(globex, () -> {
                try (Statement insert = connection.createStatement()) {
                    insert.executeUpdate("INSERT INTO codes VALUES (1), (1)");
                }
                assertThatThrownBy(() -> connection.setAutoCommit(true)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("unique_code");
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("globex");
            });
            Tenants.run(acme, () -> assertThat(strings(connection, "SELECT body FROM notes"))
                    .containsExactly("acme"));
        }
    }

    @Test
    void aConnectionKeptOpenIsRefusedOnceItsTenantsSchemaIsDroppedAndTheCheckIsDue() throws Exception {
        SchemaName doomed = fixture.createTenant("tenant_doomed");
        fixture.sql("INSERT INTO tenant_doomed.notes (tenant, body) VALUES ('tenant_doomed', 'doomed')");
        TenantAwareDataSource checkingEveryTime = TenantAwareDataSource.builder(fixture.pool())
                .schemaCheckInterval(Duration.ZERO).build();
        try (Connection connection = Tenants.call(doomed, () -> checkingEveryTime.getConnection())) {
            Tenants.run(doomed, () -> {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("doomed");
                try (Statement drop = connection.createStatement()) {
                    drop.execute("DROP SCHEMA tenant_doomed CASCADE");
                }
            });
            Tenants.run(doomed, () -> assertThatThrownBy(() -> strings(connection, "SELECT body FROM notes"))
                    .isInstanceOf(TenantSchemaMissingException.class).hasMessageContaining("tenant_doomed"));
        }
    }
}
