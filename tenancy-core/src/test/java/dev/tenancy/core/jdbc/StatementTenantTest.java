package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A statement runs under the path of the tenant it was made for, whatever the connection served since. */
@ExtendWith(TestDatabaseExtension.class)
class StatementTenantTest {

    private static TenantFixture fixture;
    private static TenantAwareDataSource dataSource;
    private static SchemaName acme;
    private static SchemaName globex;

    @BeforeAll
    static void twoTenants(TestDatabase database) {
        fixture = new TenantFixture(database, 2);
        acme = fixture.createTenant("tenant_acme");
        globex = fixture.createTenant("tenant_globex");
        dataSource = TenantAwareDataSource.wrap(fixture.pool());
    }

    @AfterAll
    static void closePool() {
        fixture.close();
    }

    @BeforeEach
    void oneNoteEach() {
        fixture.sql("TRUNCATE tenant_acme.notes, tenant_globex.notes;"
                + "INSERT INTO tenant_acme.notes (tenant, body) VALUES ('tenant_acme', 'acme note');"
                + "INSERT INTO tenant_globex.notes (tenant, body) VALUES ('tenant_globex', 'globex note')");
    }

    @Test
    void aStatementPreparedForOneTenantReadsThatTenantAfterTheConnectionServedAnother() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement acmeSelect = Tenants.call(acme,
                    () -> connection.prepareStatement("SELECT body FROM notes"));
            Tenants.run(globex, () -> assertThat(strings(connection, "SELECT body FROM notes"))
                    .containsExactly("globex note"));

            Tenants.run(globex, () -> assertThat(rows(acmeSelect)).containsExactly("acme note"));
            assertThat(rows(acmeSelect)).containsExactly("acme note");
            acmeSelect.close();
        }
    }

    @Test
    void anInsertPreparedForOneTenantWritesIntoThatTenantAfterTheConnectionServedAnother() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement acmeInsert = Tenants.call(acme, () -> connection.prepareStatement(
                    "INSERT INTO notes (tenant, body) VALUES ('tenant_acme', 'second acme note')"));
            Tenants.run(globex, () -> {
                strings(connection, "SELECT body FROM notes");
                acmeInsert.executeUpdate();
            });
            acmeInsert.close();
        }
        try (Connection connection = fixture.pool().getConnection()) {
            assertThat(strings(connection, "SELECT tenant FROM tenant_globex.notes")).containsOnly("tenant_globex");
            assertThat(strings(connection, "SELECT body FROM tenant_acme.notes ORDER BY id"))
                    .containsExactly("acme note", "second acme note");
        }
    }

    @Test
    void aConnectionSharedByTwoThreadsServesEachThreadItsOwnTenant() throws Exception {
        int rounds = 300;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection shared = dataSource.getConnection()) {
            Future<List<String>> acmeSeen = threads.submit(reader(shared, acme, rounds, start));
            Future<List<String>> globexSeen = threads.submit(reader(shared, globex, rounds, start));

            assertThat(acmeSeen.get()).hasSize(2 * rounds).containsOnly("tenant_acme");
            assertThat(globexSeen.get()).hasSize(2 * rounds).containsOnly("tenant_globex");
        } finally {
            threads.shutdownNow();
        }
    }

    /** Reads the tenant column {@code rounds} times through a prepared and a plain statement, inside {@code tenant}. */
    private static Callable<List<String>> reader(Connection shared, SchemaName tenant, int rounds,
            CyclicBarrier start) {
        return () -> Tenants.call(tenant, () -> {
            start.await();
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                try (PreparedStatement select = shared.prepareStatement("SELECT tenant FROM notes")) {
                    seen.addAll(rows(select));
                }
                try (Statement select = shared.createStatement();
                     ResultSet rows = select.executeQuery("SELECT tenant FROM notes")) {
                    while (rows.next()) {
                        seen.add(rows.getString(1));
                    }
                }
            }
            return seen;
        });
    }

    private static List<String> rows(PreparedStatement select) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
