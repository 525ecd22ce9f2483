package dev.tenancy.test;

import static dev.tenancy.test.PlainTenantTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.migration.SchemaMigrator;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

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

    private static TestTenantFactory factory(SchemaMigrator schemaMigrator) {
        TenantProvisioner provisioner = TenantProvisioner.builder(pool, schemaMigrator).withoutTemplate().build();
        return new TestTenantFactory(pool, TenantTables.defaults(), provisioner);
    }

    private static void sql(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void createsAnActiveTenantWithItsDomainAndAMarkedSchema() throws SQLException {
        TestTenant tenant = factory(migrator).create(TenantSpec.of("created", "", new String[] {"name=Created"}));

        try (Connection connection = pool.getConnection()) {
            assertThat(strings(connection, "SELECT status || ' ' || name FROM public.tenants WHERE id = " + tenant.id()))
                    .containsExactly("ACTIVE Created");
            assertThat(strings(connection, "SELECT domain FROM public.domains WHERE tenant_id = " + tenant.id()))
                    .containsExactly("created.localhost");
            assertThat(strings(connection, "SELECT obj_description('created'::regnamespace, 'pg_namespace')"))
                    .containsExactly(TestTenantFactory.MARKER);
        }
    }

    @Test
    void aFailedMigrationRemovesTheSchemaTheRowAndTheDomain() throws SQLException {
        SchemaMigrator failing = schema -> {
            migrator.migrate(schema);
            throw new TenancyException("V3 failed on purpose");
        };
        TenantSpec spec = TenantSpec.of("half_made", "", new String[0]);

        assertThatThrownBy(() -> factory(failing).create(spec))
                .hasMessageStartingWith("Could not create test tenant half_made")
                .hasMessageContaining("V3 failed on purpose");

        try (Connection connection = pool.getConnection()) {
            assertThat(strings(connection, "SELECT nspname FROM pg_namespace WHERE nspname = 'half_made'")).isEmpty();
            assertThat(strings(connection, "SELECT id FROM public.tenants WHERE schema_name = 'half_made'")).isEmpty();
            assertThat(strings(connection, "SELECT id FROM public.domains WHERE domain = 'half-made.localhost'"))
                    .isEmpty();
        }
    }

    @Test
    void aSchemaThatLostItsMarkIsNeverDropped() throws SQLException {
        TestTenantFactory factory = factory(migrator);
        TestTenant tenant = factory.create(TenantSpec.of("to_remove", "", new String[0]));
        sql("COMMENT ON SCHEMA to_remove IS 'someone else''s now'");

        assertThatThrownBy(() -> factory.remove(tenant)).hasMessageContaining("no longer carries the comment");

        try (Connection connection = pool.getConnection()) {
            assertThat(strings(connection, "SELECT nspname FROM pg_namespace WHERE nspname = 'to_remove'"))
                    .containsExactly("to_remove");
        }
    }

    @Test
    void requiredApplicationColumnsAreExplained() throws SQLException {
        sql("CREATE TABLE public.strict_tenants (id bigserial PRIMARY KEY, schema_name varchar(63) NOT NULL UNIQUE, "
                + "auto_create_schema boolean NOT NULL DEFAULT true, auto_drop_schema boolean NOT NULL DEFAULT false, "
                + "status varchar(20) NOT NULL, plan varchar(20) NOT NULL);"
                + "CREATE TABLE public.strict_domains (id bigserial PRIMARY KEY, domain varchar(253) NOT NULL UNIQUE, "
                + "tenant_id bigint NOT NULL REFERENCES public.strict_tenants (id), is_primary boolean NOT NULL)");
        TenantTables strict = TenantTables.of("strict_tenants", "strict_domains");
        TestTenantFactory factory = new TestTenantFactory(pool, strict,
                TenantProvisioner.builder(pool, migrator).tables(strict).withoutTemplate().build());

        assertThatThrownBy(() -> factory.create(TenantSpec.of("strict", "", new String[0])))
                .hasMessageContaining("'plan' is required")
                .hasMessageContaining("@TenantTest(values = \"column=value\")");
    }
}
