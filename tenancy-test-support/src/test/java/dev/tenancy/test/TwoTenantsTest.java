package dev.tenancy.test;

import static dev.tenancy.test.PlainTenantTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** Two tenants in one plain class: tests run in the first, reach the second through it, and each keeps its data. */
@TenantTest(tenants = {@TenantTest.Tenant(schema = "tenant_acme", values = "name=Acme"),
        @TenantTest.Tenant(schema = "tenant_globex", domain = "globex.example.com", values = "name=Globex")})
class TwoTenantsTest {

    @Test
    void eachTenantSeesOnlyItsOwnRows(TestTenant acme, @TenantSchema("tenant_globex") TestTenant globex,
            DataSource dataSource) throws SQLException {
        assertThat(Tenants.currentOrNull()).isEqualTo(acme.schema());
        insertNote(dataSource, "acme's");
        globex.run(() -> insertNote(dataSource, "globex's"));

        assertThat(notes(dataSource)).containsExactly("acme's");
        assertThat(globex.call(() -> notes(dataSource))).containsExactly("globex's");
    }

    @Test
    void bothTenantsAreRegisteredWithTheirOwnRowsAndDomains(@TenantDomain String acmeHost,
            @TenantSchema("tenant_globex") @TenantDomain String globexHost, DataSource dataSource)
            throws SQLException {
        assertThat(acmeHost).isEqualTo("tenant-acme.localhost");
        assertThat(globexHost).isEqualTo("globex.example.com");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(strings(connection, "SELECT t.name || ' ' || d.domain FROM public.tenants t "
                    + "JOIN public.domains d ON d.tenant_id = t.id WHERE t.schema_name LIKE 'tenant\\_%' "
                    + "ORDER BY t.name"))
                    .containsExactly("Acme tenant-acme.localhost", "Globex globex.example.com");
        }
    }

    @Test
    void aSchemaTheClassDoesNotHaveIsAClearError() {
        ClassTenants held = new ClassTenants(null, TwoTenantsTest.class, null,
                List.of(new TestTenant(SchemaName.of("tenant_acme"), "a.localhost", 1)));
        assertThatThrownBy(() -> held.bySchema("tenant_initech"))
                .hasMessage("@TenantSchema(\"tenant_initech\") names no tenant of " + TwoTenantsTest.class.getName()
                        + "; its tenants are tenant_acme.");
    }

    private static void insertNote(DataSource dataSource, String body) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO notes (body) VALUES ('" + body.replace("'", "''") + "')");
        }
    }

    private static List<String> notes(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return strings(connection, "SELECT body FROM notes");
        }
    }
}
