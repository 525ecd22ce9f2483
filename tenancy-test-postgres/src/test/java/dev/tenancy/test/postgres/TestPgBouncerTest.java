package dev.tenancy.test.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class TestPgBouncerTest {

    @Test
    void twoClientsShareOneServerConnectionAndSeeEachOthersSessionSettings(TestDatabase database) throws Exception {
        try (TestPgBouncer bouncer = TestPgBouncer.start(TestPostgres.server(), 1);
             Connection first = open(bouncer, database);
             Connection second = open(bouncer, database)) {
            assertThat(value(first, "SELECT current_database()")).isEqualTo(database.name());
            assertThat(value(first, "SELECT pg_backend_pid()")).isEqualTo(value(second, "SELECT pg_backend_pid()"));

            execute(first, "SET search_path TO pg_catalog");

            assertThat(value(second, "SHOW search_path")).isEqualTo("pg_catalog");
        }
    }

    @Test
    void closingStopsThePoolerAndFreesItsPort() throws Exception {
        TestPgBouncer bouncer = TestPgBouncer.start(TestPostgres.server(), 1);
        int port = bouncer.port();
        bouncer.close();

        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void urlAsksForUnnamedStatementsOnlyWhenThePoolerCannotKeepPreparedOnes() {
        try (TestPgBouncer bouncer = TestPgBouncer.start(TestPostgres.server(), 1)) {
            assertThat(bouncer.keepsPreparedStatements()).isEqualTo(TestPgBouncer.atLeast(bouncer.version(), 1, 21));
            assertThat(bouncer.jdbcUrl("db").contains("prepareThreshold=0")).isNotEqualTo(
                    bouncer.keepsPreparedStatements());
        }
        assertThat(TestPgBouncer.atLeast("1.18.0", 1, 21)).isFalse();
        assertThat(TestPgBouncer.atLeast("1.21.0", 1, 21)).isTrue();
        assertThat(TestPgBouncer.atLeast("2.0", 1, 21)).isTrue();
    }

    @Test
    void aUrlWithSeveralHostsIsRefusedWithTheReason() {
        assertThatThrownBy(() -> TestPgBouncer.backend("jdbc:postgresql://a:5432,b:5432/postgres"))
                .hasMessageContaining("one PostgreSQL host");
        assertThat(TestPgBouncer.backend("jdbc:postgresql://localhost:5433/postgres?user=x").getPort())
                .isEqualTo(5433);
    }

    private static Connection open(TestPgBouncer bouncer, TestDatabase database) throws SQLException {
        return DriverManager.getConnection(bouncer.jdbcUrl(database.name()), database.username(),
                database.password());
    }

    private static String value(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
