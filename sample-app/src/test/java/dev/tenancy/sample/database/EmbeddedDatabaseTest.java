package dev.tenancy.sample.database;

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

/**
 * The development database keeps its data between runs, and a second process (a command next to the running
 * application) joins the running server instead of starting another one on the same data.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
                null); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(EmbeddedDatabase database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
                null); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM kept")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void dataSurvivesARestartAndASecondProcessJoinsTheRunningServer() throws Exception {
        Path data = directory.resolve("postgres");
        int port = freePort();

        EmbeddedDatabase first = EmbeddedDatabase.startOrJoin(data, port);
        execute(first, "CREATE TABLE kept (id int)");
        execute(first, "INSERT INTO kept VALUES (1)");
        EmbeddedDatabase joined = EmbeddedDatabase.startOrJoin(data, port);
        joined.close();
        assertThat(count(first)).as("closing a joined server leaves it running").isEqualTo(1);
        first.close();

        EmbeddedDatabase restarted = EmbeddedDatabase.startOrJoin(data, port);
        try {
            assertThat(count(restarted)).isEqualTo(1);
        } finally {
            restarted.close();
        }
    }
}
