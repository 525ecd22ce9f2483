package dev.tenancy.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tenancy.test.postgres.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs fixture test classes (static nested classes, which surefire does not run by itself) through JUnit's
 * EngineTestKit, in the order of their {@code @Order}, in a test run of their own: a plain test run gets its own
 * database and tenants, removed when it ends.
 */
final class Kit {

    private Kit() {
    }

    static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... fixtures) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                .configurationParameters(configuration)
                .selectors(Arrays.stream(fixtures).map(fixture -> selectClass(fixture))
                        .toArray(DiscoverySelector[]::new))
                .execute();
    }

    /** Whether a database of that name exists on the test server. */
    static boolean databaseExists(String name) throws SQLException {
        try (Connection connection = TestPostgres.server().openAdminConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }
}
