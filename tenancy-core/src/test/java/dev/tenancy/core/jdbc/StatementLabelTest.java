package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prepared statements carry the tenant they run for, so that pgjdbc and PostgreSQL keep one plan per tenant on a
 * connection that serves several tenants, and the label changes nothing about what a statement reads or writes.
 */
@ExtendWith(TestDatabaseExtension.class)
class StatementLabelTest {

    /** pgjdbc's default prepareThreshold is 5: from the fifth run on a connection, a statement is server-prepared. */
    private static final int RUNS = 10;

    private static TenantFixture fixture;
    private static HikariDataSource rewritingPool;
    private static SchemaName acme;
    private static SchemaName globex;

    @BeforeAll
    static void createTwoTenants(TestDatabase database) {
        fixture = new TenantFixture(database, 1);
        acme = fixture.createTenant("tenant_acme");
        globex = fixture.createTenant("tenant_globex");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(1);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        rewritingPool = new HikariDataSource(config);
    }

    @AfterAll
    static void closePools() {
        rewritingPool.close();
        fixture.close();
    }

    @BeforeEach
    void oneNoteEach() {
        fixture.sql("DEALLOCATE ALL; TRUNCATE tenant_acme.notes, tenant_globex.notes;"
                + "INSERT INTO tenant_acme.notes (tenant, body) VALUES ('tenant_acme', 'acme note');"
                + "INSERT INTO tenant_globex.notes (tenant, body) VALUES ('tenant_globex', 'globex note');");
    }

    @Test
    void oneConnectionAlternatingTenantsKeepsAServerStatementForEachAcrossTheSwitches() throws Exception {
        TenantAwareDataSource dataSource = TenantAwareDataSource.wrap(fixture.pool());
        try (Connection connection = fixture.pool().getConnection()) {
            assumeTrue(Integer.parseInt(TenantFixture.string(connection, "SHOW server_version_num")) < 180000,
                    "PostgreSQL 18 reports every search_path change, and pgjdbc then drops its prepared statements");
        }
        for (int run = 0; run < RUNS; run++) {
            assertThat(Tenants.call(acme, () -> bodies(dataSource))).containsExactly("acme note");
            assertThat(Tenants.call(globex, () -> bodies(dataSource))).containsExactly("globex note");
        }

        try (Connection connection = dataSource.getConnection()) {
            assertThat(strings(connection, "SELECT statement || ' runs=' || (generic_plans + custom_plans) "
                    + "FROM pg_prepared_statements WHERE statement LIKE '/*%' ORDER BY statement"))
                    .as("each tenant's statement stayed prepared through every switch, so it ran from the fifth "
                            + "time on without being prepared again")
                    .containsExactly("/* tenant_acme */ SELECT body FROM notes ORDER BY id runs=" + (RUNS - 4),
                            "/* tenant_globex */ SELECT body FROM notes ORDER BY id runs=" + (RUNS - 4));
        }
    }

    @Test
    void theLabelIsThePathInForceWhenAConnectionFollowsTheContext() throws Exception {
        TenantAwareDataSource dataSource = TenantAwareDataSource.wrap(fixture.pool());
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            Tenants.run(globex, () -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT body FROM notes")) {
                    assertThat(rows(statement)).containsExactly("globex note");
                }
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid()")) {
                    assertThat(rows(statement)).singleElement().asString().startsWith("/* tenant_globex */ ");
                }
            });
        }
    }

    @Test
    void generatedKeysAndRewrittenBatchInsertsWorkWithTheLabel() throws Exception {
        TenantAwareDataSource dataSource = TenantAwareDataSource.wrap(rewritingPool);
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO notes (tenant, body) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, "tenant_acme");
                    insert.setString(2, "with key");
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        assertThat(keys.next()).isTrue();
                        assertThat(keys.getLong("id")).isPositive();
                    }
                }
                try (PreparedStatement batch = connection.prepareStatement(
                        "INSERT INTO notes (tenant, body) VALUES (?, ?)")) {
                    for (int i = 0; i < 3; i++) {
                        batch.setString(1, "tenant_acme");
                        batch.setString(2, "batch " + i);
                        batch.addBatch();
                    }
                    batch.executeBatch();
                }
            }
        });

        try (Connection connection = fixture.pool().getConnection()) {
            assertThat(strings(connection, "SELECT body FROM tenant_acme.notes ORDER BY id"))
                    .containsExactly("acme note", "with key", "batch 0", "batch 1", "batch 2");
            assertThat(strings(connection, "SELECT body FROM tenant_globex.notes")).containsExactly("globex note");
        }
    }

    @Test
    void callableStatementsWorkWithTheLabel() throws Exception {
        fixture.sql("CREATE FUNCTION tenant_acme.note_count() RETURNS bigint LANGUAGE sql "
                + "AS 'SELECT count(*) FROM tenant_acme.notes';"
                + "CREATE FUNCTION tenant_globex.note_count() RETURNS bigint LANGUAGE sql AS 'SELECT -1::bigint'");
        TenantAwareDataSource dataSource = TenantAwareDataSource.wrap(fixture.pool());
        for (SchemaName tenant : List.of(acme, globex, acme)) {
            long count = Tenants.call(tenant, () -> {
                try (Connection connection = dataSource.getConnection();
                        CallableStatement call = connection.prepareCall("{? = call note_count()}")) {
                    call.registerOutParameter(1, Types.BIGINT);
                    call.execute();
                    return call.getLong(1);
                }
            });
            assertThat(count).isEqualTo(tenant.equals(acme) ? 1 : -1);
        }
    }

    @Test
    void statementsOutsideAnyTenantOrWithLabelsOffAreSentAsWritten() throws Exception {
        String sql = "SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid()";
        TenantAwareDataSource unlabelled = TenantAwareDataSource.builder(fixture.pool()).labelStatements(false)
                .build();
        assertThat(Tenants.call(acme, () -> queryAsSeenByServer(unlabelled, sql))).isEqualTo(sql);
        assertThat(queryAsSeenByServer(TenantAwareDataSource.wrap(fixture.pool()), sql)).isEqualTo(sql);
    }

    private static String queryAsSeenByServer(TenantAwareDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return rows(statement).get(0);
        }
    }

    private static List<String> bodies(TenantAwareDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT body FROM notes ORDER BY id")) {
            return rows(statement);
        }
    }

    private static List<String> rows(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
