package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

/** Writes the version of the PostgreSQL the consumer's tests get to target/postgres-version.txt. */
@ExtendWith(TestDatabaseExtension.class)
class PostgresVersionTest {

    @Test
    void recordsTheServerVersion(TestDatabase database) throws Exception {
        try (Connection connection = database.openConnection();
                ResultSet rows = connection.createStatement().executeQuery("SHOW server_version")) {
            assertTrue(rows.next());
            Files.writeString(Path.of("target", "postgres-version.txt"), rows.getString(1));
        }
    }
}
