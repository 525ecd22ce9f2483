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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JDBC way of executing SQL runs under the right tenant's path, even when the connection's session was last
 * left on another tenant's: a plain statement under the tenant of the moment, a prepared or callable statement under
 * the tenant it was made for. Each execution copies a row of the {@code notes} table it can see into that same table,
 * so where the copy lands and whose row it copied tell which path the execution ran under.
 */
@ExtendWith(TestDatabaseExtension.class)
class StatementExecutionTenantTest {

    private static final String COPY = "INSERT INTO notes (tenant, body) SELECT tenant, 'copied' FROM notes"
            + " WHERE body = 'original'";
    private static final String COPY_RETURNING = COPY + " RETURNING tenant";

    private static TenantFixture fixture;
    private static TenantAwareDataSource dataSource;
    private static SchemaName acme;
    private static SchemaName globex;

    /** One way of executing SQL on a statement of the tenant connection. */
    @FunctionalInterface
    interface Execution {
        List<String> run(Connection connection, SchemaName madeFor, SchemaName runFor) throws Exception;
    }

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
                + "INSERT INTO tenant_acme.notes (tenant, body) VALUES ('tenant_acme', 'original');"
                + "INSERT INTO tenant_globex.notes (tenant, body) VALUES ('tenant_globex', 'original');"
                + "INSERT INTO public.notes (tenant, body) VALUES ('public', 'original')");
    }

    static Stream<Arguments> plainExecutions() {
        return Stream.of(
                plain("executeQuery(sql)", s -> returned(s.executeQuery(COPY_RETURNING))),
                plain("execute(sql)", s -> resultOf(s, s.execute(COPY_RETURNING))),
                plain("execute(sql, keys)", s -> resultOf(s, s.execute(COPY, Statement.RETURN_GENERATED_KEYS))),
                // pgjdbc returns keys by column name only; it takes an empty list of column indexes.
                plain("execute(sql, indexes)", s -> resultOf(s, s.execute(COPY, new int[0]))),
                plain("execute(sql, names)", s -> resultOf(s, s.execute(COPY, new String[] {"id"}))),
                plain("executeUpdate(sql)", s -> counted(s.executeUpdate(COPY))),
                plain("executeUpdate(sql, keys)", s -> counted(s.executeUpdate(COPY, Statement.NO_GENERATED_KEYS))),
                plain("executeUpdate(sql, indexes)", s -> counted(s.executeUpdate(COPY, new int[0]))),
                plain("executeUpdate(sql, names)", s -> counted(s.executeUpdate(COPY, new String[] {"id"}))),
                plain("executeLargeUpdate(sql)", s -> counted(s.executeLargeUpdate(COPY))),
                plain("executeLargeUpdate(sql, keys)",
                        s -> counted(s.executeLargeUpdate(COPY, Statement.RETURN_GENERATED_KEYS))),
                plain("executeLargeUpdate(sql, indexes)", s -> counted(s.executeLargeUpdate(COPY, new int[0]))),
                plain("executeLargeUpdate(sql, names)",
                        s -> counted(s.executeLargeUpdate(COPY, new String[] {"id"}))),
                plain("executeBatch()", s -> {
                    s.addBatch(COPY);
                    return counted(s.executeBatch()[0]);
                }),
                plain("executeLargeBatch()", s -> {
                    s.addBatch(COPY);
                    return counted(s.executeLargeBatch()[0]);
                }));
    }

    static Stream<Arguments> preparedExecutions() {
        return Stream.of(false, true).flatMap(callable -> Stream.of(
                prepared(callable, "executeQuery()", true, p -> returned(p.executeQuery())),
                prepared(callable, "execute()", true, p -> resultOf(p, p.execute())),
                prepared(callable, "executeUpdate()", false, p -> counted(p.executeUpdate())),
                prepared(callable, "executeLargeUpdate()", false, p -> counted(p.executeLargeUpdate())),
                prepared(callable, "executeBatch()", false, p -> {
                    p.addBatch();
                    return counted(p.executeBatch()[0]);
                }),
                prepared(callable, "executeLargeBatch()", false, p -> {
                    p.addBatch();
                    return counted(p.executeLargeBatch()[0]);
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"plainExecutions", "preparedExecutions"})
    void eachExecutionRunsUnderItsTenantAfterTheSessionServedAnother(String name, Execution execution,
            boolean followsContext) throws Exception {
        SchemaName runFor = followsContext ? globex : acme;
        try (Connection connection = dataSource.getConnection()) {
            Tenants.run(acme, () -> assertThat(strings(connection, "SELECT tenant FROM notes"))
                    .containsExactly("tenant_acme"));
            List<String> returned = execution.run(connection, acme, globex);
            assertThat(returned).as("rows %s read", name).allMatch(tenant -> tenant.equals(runFor.value()));
        }
        try (Connection direct = fixture.pool().getConnection()) {
            assertThat(strings(direct, "SELECT schema || ':' || tenant FROM ("
                    + "SELECT 'tenant_acme' AS schema, tenant, body FROM tenant_acme.notes"
                    + " UNION ALL SELECT 'tenant_globex', tenant, body FROM tenant_globex.notes"
                    + " UNION ALL SELECT 'public', tenant, body FROM public.notes) AS every_note"
                    + " WHERE body = 'copied'"))
                    .as("where %s wrote, and whose row it copied", name)
                    .containsExactly(runFor.value() + ":" + runFor.value());
        }
    }

    /**
     * A plain statement made while the connection served acme, after acme's path was set, executed inside globex:
     * it must run for globex.
     */
    private static Arguments plain(String name, StatementAction action) {
        Execution execution = (connection, madeFor, runFor) -> {
            Statement statement = Tenants.call(madeFor, connection::createStatement);
            try (statement) {
                return Tenants.call(runFor, () -> action.run(statement));
            }
        };
        return Arguments.of("Statement." + name, execution, true);
    }

    /**
     * A prepared (or callable) statement made for acme, executed inside globex after globex's path was set: it must
     * run for acme.
     */
    private static Arguments prepared(boolean callable, String name, boolean returning, PreparedAction action) {
        String sql = returning ? COPY_RETURNING : COPY;
        Execution execution = (connection, madeFor, runFor) -> {
            PreparedStatement statement = Tenants.call(madeFor,
                    () -> callable ? connection.prepareCall(sql) : connection.prepareStatement(sql));
            try (statement) {
                return Tenants.call(runFor, () -> {
                    assertThat(strings(connection, "SELECT tenant FROM notes")).containsExactly(runFor.value());
                    return action.run(statement);
                });
            }
        };
        return Arguments.of((callable ? "CallableStatement." : "PreparedStatement.") + name, execution, false);
    }

    @FunctionalInterface
    interface StatementAction {
        List<String> run(Statement statement) throws SQLException;
    }

    @FunctionalInterface
    interface PreparedAction {
        List<String> run(PreparedStatement statement) throws SQLException;
    }

    private static List<String> resultOf(Statement statement, boolean hasRows) throws SQLException {
        return hasRows ? returned(statement.getResultSet()) : counted(statement.getUpdateCount());
    }

    private static List<String> counted(long updated) {
        assertThat(updated).as("rows copied").isEqualTo(1);
        return List.of();
    }

    private static List<String> returned(ResultSet rows) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        assertThat(values).as("rows returned").hasSize(1);
        return values;
    }
}
