package dev.tenancy.test.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The development database keeps its data across restarts, and a second process joins the running server. */
class DevelopmentPostgresTest {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String query(DevelopmentPostgres database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), null);
             Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return null;
            }
            try (ResultSet rows = statement.getResultSet()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    @Test
    void dataSurvivesARestartAndASecondStartJoinsTheRunningServer(@TempDir Path data) throws Exception {
        int port = freePort();
        try (DevelopmentPostgres first = DevelopmentPostgres.startOrJoin(data, port)) {
            assertThat(first.startedHere()).isTrue();
            String version = query(first, "SHOW server_version");   // 17 by default, 18 with -Ppostgres-18
            assertThat(Integer.parseInt(version.substring(0, version.indexOf('.')))).isGreaterThanOrEqualTo(17);
            query(first, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");

            try (DevelopmentPostgres joined = DevelopmentPostgres.startOrJoin(data, port)) {
                assertThat(joined.startedHere()).isFalse();
                assertThat(joined.springArguments("--server.port=9000")).containsExactly("--server.port=9000",
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                        "--spring.datasource.username=postgres");
            }
            assertThat(query(first, "SELECT value FROM kept")).isEqualTo("still here");
        }

        try (DevelopmentPostgres restarted = DevelopmentPostgres.startOrJoin(data, port)) {
            assertThat(restarted.startedHere()).isTrue();
            assertThat(query(restarted, "SELECT value FROM kept")).isEqualTo("still here");
        }
    }
}
