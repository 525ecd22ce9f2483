package dev.tenancy.test.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class TestPostgresTest {

    @Test
    void serverIsPostgresSeventeenOrNewerAndSharedAcrossCalls() throws Exception {
        assertThat(TestPostgres.server()).isSameAs(TestPostgres.server());
        try (Connection connection = TestPostgres.server().openAdminConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW server_version_num")) {
            result.next();
            assertThat(result.getInt(1)).isGreaterThanOrEqualTo(170000);
        }
    }

    @Test
    void eachTestClassGetsItsOwnDatabase(TestDatabase database) throws Exception {
        try (Connection connection = database.openConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_database()")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo(database.name()).startsWith("test_testpostgrestest_");
        }
    }

    @Test
    void closingADatabaseDropsIt() throws Exception {
        TestDatabase database = TestPostgres.server().createDatabase("dropme");
        database.close();
        try (Connection connection = TestPostgres.server().openAdminConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT count(*) FROM pg_database WHERE datname = '" + database.name() + "'")) {
            result.next();
            assertThat(result.getInt(1)).isZero();
        }
    }

    @Test
    void askingForTestcontainersWithoutDockerFailsWithAClearMessage() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                org.testcontainers.DockerClientFactory.instance().isDockerAvailable(), "Docker is reachable here");
        assertThatThrownBy(TestPostgres::startContainer).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine is reachable");
    }

    @Test
    void databaseNamesAreSanitisedIdentifiers() {
        assertThat(TestPostgres.databaseName("Some.Test$Class")).matches("test_some_test_class_[a-z0-9]+");
        assertThat(TestPostgres.databaseName("x")).isNotEqualTo(TestPostgres.databaseName("x"));
    }

    @Test
    void jdbcUrlReplacesTheDatabaseAndKeepsParameters() {
        assertThat(TestPostgres.jdbcUrl("jdbc:postgresql://db:5432/postgres?sslmode=require", "other"))
                .isEqualTo("jdbc:postgresql://db:5432/other?sslmode=require");
        assertThat(TestPostgres.jdbcUrl("jdbc:postgresql://db:5432/", "other"))
                .isEqualTo("jdbc:postgresql://db:5432/other");
        assertThat(TestPostgres.jdbcUrl("jdbc:postgresql://db", "other")).isEqualTo("jdbc:postgresql://db/other");
    }
}
