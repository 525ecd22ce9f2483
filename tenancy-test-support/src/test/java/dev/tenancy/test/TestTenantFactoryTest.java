package dev.tenancy.test;

import static dev.tenancy.test.PlainTenantTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.migration.MigrationException;
import dev.tenancy.core.migration.SchemaMigrator;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Creating a test tenant is all or nothing, and removal never reaches beyond what the factory created. */
@ExtendWith(TestDatabaseExtension.class)
class TestTenantFactoryTest {

    private static DataSource pool;
    private static TenantMigrator migrator;

    @BeforeAll
    static void sharedSchema(TestDatabase database) {
        pool = database.unpooledDataSource();
        migrator = TenantMigrator.builder(pool).build();
        migrator.migrateShared().throwIfFailed();
    }

    private static TestTenantFactory factory(SchemaMigrator migrator) {
        return new TestTenantFactory(pool, TenantTables.defaults(), migrator);
    }

    @Test
    void aFailedMigrationRemovesTheSchemaTheRowAndTheDomain() throws SQLException {
        SchemaMigrator failing = schema -> {
            migrator.migrate(schema);
            throw new MigrationException("V3 failed on purpose");
        };
        TenantSpec spec = TenantSpec.of("half_made", "", new String[0]);

        assertThatThrownBy(() -> factory(failing).create(spec)).hasMessage("V3 failed on purpose");

        try (Connection connection = pool.getConnection()) {
            assertThat(strings(connection, "SELECT nspname FROM pg_namespace WHERE nspname = 'half_made'")).isEmpty();
            assertThat(strings(connection, "SELECT id FROM public.tenants WHERE schema_name = 'half_made'")).isEmpty();
            assertThat(strings(connection, "SELECT id FROM public.domains WHERE domain = 'half-made.localhost'"))
                    .isEmpty();
        }
    }

    @Test
    void removalDropsOnlyTheMarkedSchemaAndItsOwnRows() throws SQLException {
        TestTenantFactory factory = factory(migrator);
        TestTenant tenant = factory.create(TenantSpec.of("to_remove", "", new String[0]));
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("COMMENT ON SCHEMA to_remove IS 'someone else''s now'");
        }

        factory.remove(tenant);

        try (Connection connection = pool.getConnection()) {
            assertThat(strings(connection, "SELECT nspname FROM pg_namespace WHERE nspname = 'to_remove'"))
                    .containsExactly("to_remove");
            assertThat(strings(connection, "SELECT id FROM public.tenants WHERE schema_name = 'to_remove'")).isEmpty();
        }
    }

    @Test
    void requiredApplicationColumnsAreExplainedWhenTheRowCannotBeWritten() {
        TenantSpec spec = TenantSpec.of("bad_values", "", new String[] {"paid_until=not a date"});

        assertThatThrownBy(() -> factory(schema -> { }).create(spec))
                .hasMessageContaining("Could not insert the tenant row of test tenant bad_values")
                .hasMessageContaining("@TenantTest(values = \"column=value\")");
        assertThat(SchemaName.isValid("bad_values")).isTrue();
    }
}
