package dev.tenancy.test;

import static dev.tenancy.test.PlainTenantTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.test.app.TestApplication;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring tests' tenants live as long as their application context: closing it removes them and drops the database
 * the extension created for it; on the application's own database only the extension's tenants are removed.
 */
@ExtendWith(TestDatabaseExtension.class)
class SpringCleanUpTest {

    static final Map<String, String> seen = new ConcurrentHashMap<>();
    static volatile TestDatabase ownDatabase;

    @Test
    void closingTheContextDropsTheDatabaseTheExtensionCreated() throws SQLException {
        EngineExecutionResults results = Kit.run(OnTestDatabase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));

        assertThat(seen.get("database")).startsWith("test_ontestdatabase_");
        assertThat(Kit.databaseExists(seen.get("database"))).isFalse();
    }

    @Test
    void onTheApplicationsOwnDatabaseOnlyTheExtensionsTenantsAreRemoved(TestDatabase database) throws SQLException {
        ownDatabase = database;

        EngineExecutionResults results = Kit.run(OnOwnDatabase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));

        try (Connection connection = database.openConnection()) {
            assertThat(strings(connection, "SELECT current_database()")).containsExactly(seen.get("own database"));
            assertThat(strings(connection, "SELECT nspname FROM pg_namespace WHERE nspname IN ('test', 'kept')"))
                    .containsExactly("kept");
            assertThat(strings(connection, "SELECT schema_name FROM public.tenants")).containsExactly("kept");
            assertThat(strings(connection, "SELECT count(*) FROM public.domains")).containsExactly("0");
            assertThat(strings(connection, "SELECT name FROM public.plans ORDER BY name"))
                    .containsExactly("basic", "professional");
        }
    }

    @TenantTest
    @SpringBootTest(classes = TestApplication.class)
    @DirtiesContext
    static class OnTestDatabase {
        @Autowired
        JdbcTemplate jdbc;

        @Test
        void runs() {
            seen.put("database", jdbc.queryForObject("SELECT current_database()", String.class));
        }
    }

    @TenantTest(testDatabase = false)
    @SpringBootTest(classes = TestApplication.class)
    @DirtiesContext
    static class OnOwnDatabase {
        @Autowired
        JdbcTemplate jdbc;

        @DynamicPropertySource
        static void ownDatabase(DynamicPropertyRegistry properties) {
            properties.add("spring.datasource.url", ownDatabase::jdbcUrl);
            properties.add("spring.datasource.username", ownDatabase::username);
            properties.add("spring.datasource.password", () -> ownDatabase.password() == null ? ""
                    : ownDatabase.password());
        }

        @Test
        void runs() {
            seen.put("own database", jdbc.queryForObject("SELECT current_database()", String.class));
            jdbc.update("CREATE SCHEMA kept");
            jdbc.update("INSERT INTO public.tenants (schema_name) VALUES ('kept')");
        }
    }
}
