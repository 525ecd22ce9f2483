package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drops and renames never touch a schema that no tenant owns, even when a tenant row (written by the application,
 * restored from a backup) names it: the shared schema, every extra search-path schema, the template and the reserved
 * names ({@code public}, {@code information_schema} and {@code pg_*} cannot even be named: {@link SchemaName} refuses
 * them).
 */
@ExtendWith(TestDatabaseExtension.class)
class ProtectedSchemasTest {

    private static final List<String> PROTECTED = List.of("app_shared", "extensions", "_tenancy_template",
            "tenant_admin");

    private static ProvisioningFixture fixture;
    private static TenantProvisioner provisioner;

    @BeforeAll
    static void rowsNamingProtectedSchemas(TestDatabase database) {
        fixture = new ProvisioningFixture(database, 4);
        fixture.sql("CREATE SCHEMA app_shared; CREATE TABLE app_shared.settings (id int); "
                + "CREATE SCHEMA extensions; CREATE TABLE extensions.helpers (id int); CREATE SCHEMA tenant_admin");
        TenantAwareDataSource dataSource = TenantAwareDataSource.builder(fixture.pool())
                .sharedSchema("app_shared").extraSchemas(List.of("extensions")).build();
        provisioner = TenantProvisioner.builder(dataSource, fixture.migrator()).reservedSchemas("tenant_admin")
                .build();
        provisioner.refreshTemplate();
        for (String schema : PROTECTED) {
            fixture.sql("INSERT INTO public.tenants (schema_name, status, name, auto_drop_schema) VALUES ('" + schema
                    + "', 'ACTIVE', 'row naming " + schema + "', true)");
        }
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"app_shared", "extensions", "_tenancy_template", "tenant_admin"})
    void aProtectedSchemaIsNeverDroppedWhateverTheTenantRowSays(String schema) {
        assertThatThrownBy(() -> provisioner.deleteAndDropSchema(SchemaName.of(schema), "test"))
                .hasMessageContaining("Refusing to drop schema '" + schema + "'");
        assertThatThrownBy(() -> provisioner.delete(SchemaName.of(schema), "test"))
                .hasMessageContaining("Refusing to drop schema '" + schema + "'");
        assertThat(fixture.schemaExists(schema)).isTrue();
        assertThat(fixture.string("SELECT count(*) FROM public.tenants WHERE schema_name = '" + schema + "'"))
                .isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app_shared", "extensions", "_tenancy_template", "tenant_admin"})
    void aProtectedSchemaIsNeverRenamed(String schema) {
        assertThatThrownBy(() -> provisioner.renameSchema(SchemaName.of(schema), SchemaName.of("tenant_moved"),
                "test")).hasMessageContaining("Refusing to rename schema '" + schema + "'");
        assertThat(fixture.schemaExists(schema)).isTrue();
        assertThat(fixture.schemaExists("tenant_moved")).isFalse();
    }

    @Test
    void publicAndSystemSchemasCannotEvenBeNamed() {
        for (String schema : new String[] {"public", "information_schema", "pg_toast"}) {
            assertThatThrownBy(() -> SchemaName.of(schema)).hasMessageContaining("'" + schema + "'");
        }
    }

    @Test
    void noTenantMayBeCreatedOrRenamedIntoTheSharedOrASearchPathSchema() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.schema("extensions").value("name", "X")))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> provisioner.create(TenantRequest.schema("app_shared").value("name", "X")))
                .hasMessageContaining("reserved");
    }
}
