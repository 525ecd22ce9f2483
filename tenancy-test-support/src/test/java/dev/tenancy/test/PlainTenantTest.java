package dev.tenancy.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.provisioning.TenantProvisioner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The default @TenantTest in a plain JUnit class: a reused tenant "test" on the plain test database. */
@TenantTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlainTenantTest {

    private SchemaName contextInBeforeEach;

    @BeforeEach
    void recordContext() {
        contextInBeforeEach = Tenants.currentOrNull();
    }

    @Test
    void testsAndLifecycleMethodsRunInTheTenantsContext(TestTenant tenant) {
        assertThat(Tenants.currentOrNull()).isEqualTo(SchemaName.of("test"));
        assertThat(contextInBeforeEach).isEqualTo(tenant.schema());
    }

    @Test
    void theTenantIsActiveWithItsDomainAndMigratedSchema(TestTenant tenant, @TenantDomain String domain,
            DataSource dataSource) throws SQLException {
        assertThat(domain).isEqualTo("test.localhost").isEqualTo(tenant.domain());
        try (Connection connection = dataSource.getConnection()) {
            assertThat(strings(connection, "SELECT status || ' ' || id FROM public.tenants WHERE schema_name = 'test'"))
                    .containsExactly("ACTIVE " + tenant.id());
            assertThat(strings(connection, "SELECT domain || ' ' || is_primary FROM public.domains WHERE tenant_id = "
                    + tenant.id())).containsExactly("test.localhost true");
            assertThat(strings(connection, "SELECT version FROM test.flyway_schema_history "
                    + "WHERE version IS NOT NULL ORDER BY installed_rank"))
                    .containsExactly("1", "2");
            assertThat(strings(connection, "SHOW search_path")).containsExactly("\"test\", \"public\"");
            assertThat(strings(connection, "SELECT nspname FROM pg_namespace WHERE nspname = '"
                    + TenantProvisioner.DEFAULT_TEMPLATE + "'")).as("the template tenants are cloned from").hasSize(1);
        }
    }

    @Test
    @Order(1)
    void aTestChangesTheTenantsData(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO notes (body, category_id) VALUES ('first', 1)");
            statement.execute("UPDATE categories SET name = 'renamed' WHERE name = 'general'");
            statement.execute("INSERT INTO categories (name) VALUES ('extra')");
            statement.execute("DELETE FROM users");
            assertThat(strings(connection, "SELECT count(*) FROM notes")).containsExactly("1");
        }
    }

    @Test
    @Order(2)
    void theNextTestFindsTheDataAsTheMigrationsLeftIt(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(strings(connection, "SELECT count(*) FROM notes")).containsExactly("0");
            assertThat(strings(connection, "SELECT id || ' ' || name FROM categories ORDER BY id"))
                    .containsExactly("1 general", "2 urgent");
            assertThat(strings(connection, "SELECT username FROM users")).containsExactly("alice");
            statement.execute("INSERT INTO categories (name) VALUES ('next')");
            statement.execute("INSERT INTO notes (body) VALUES ('again')");
            assertThat(strings(connection, "SELECT id FROM categories WHERE name = 'next'")).containsExactly("3");
            assertThat(strings(connection, "SELECT id FROM notes")).containsExactly("1");
        }
    }

    static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
