package dev.tenancy.test;

import static dev.tenancy.test.PlainTenantTest.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * With {@code reset = AFTER_CLASS}, what {@code @BeforeAll} writes (in the tenant's context) stays for every test of
 * the class; {@code @Nested} classes share the enclosing class's tenant.
 */
@TenantTest(schema = "class_data", reset = TenantTest.Reset.AFTER_CLASS)
class ClassLevelDataTest {

    @BeforeAll
    static void writeOnce(DataSource dataSource) throws SQLException {
        assertThat(Tenants.currentOrNull()).isEqualTo(SchemaName.of("class_data"));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO notes (body) VALUES ('written once')");
        }
    }

    @Test
    void seesWhatBeforeAllWrote(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("written once");
        }
    }

    @Test
    void stillSeesItInTheNextTest(DataSource dataSource) throws SQLException {
        seesWhatBeforeAllWrote(dataSource);
    }

    @Nested
    class Inner {
        @Test
        void sharesTheEnclosingClasssTenant(TestTenant tenant, DataSource dataSource) throws SQLException {
            assertThat(tenant.schema()).isEqualTo(SchemaName.of("class_data"));
            assertThat(Tenants.currentOrNull()).isEqualTo(tenant.schema());
            seesWhatBeforeAllWrote(dataSource);
        }
    }
}
