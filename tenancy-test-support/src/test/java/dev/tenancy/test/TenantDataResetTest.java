package dev.tenancy.test;

import static dev.tenancy.test.PlainTenantTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Resetting a schema's data to its migrated state, whatever the tables look like. */
@ExtendWith(TestDatabaseExtension.class)
class TenantDataResetTest {

    private static DataSource pool;

    @BeforeAll
    static void database(TestDatabase database) throws SQLException {
        pool = database.unpooledDataSource();
        sql("CREATE TABLE public.outside (id int PRIMARY KEY); INSERT INTO public.outside VALUES (1)");
    }

    private static void sql(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return strings(connection, sql);
        }
    }

    private static TenantDataReset migrated(String schema, String migration) throws SQLException {
        sql("CREATE SCHEMA " + schema + "; SET search_path TO " + schema + "; " + migration);
        return TenantDataReset.capture(pool, SchemaName.of(schema));
    }

    @Test
    void seededRowsWithIdentityAndGeneratedColumnsComeBackAsMigrated() throws SQLException {
        TenantDataReset reset = migrated("seeded", """
                CREATE TABLE kinds (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,
                    label text GENERATED ALWAYS AS (upper(name)) STORED);
                INSERT INTO kinds (name) VALUES ('small'), ('large');
                CREATE TABLE items (id bigserial PRIMARY KEY, kind int NOT NULL REFERENCES kinds (id),
                    parent bigint REFERENCES items (id));
                """);
        sql("INSERT INTO seeded.items (kind) VALUES (1); INSERT INTO seeded.items (kind, parent) VALUES (2, 1);"
                + "UPDATE seeded.kinds SET name = 'tiny' WHERE id = 1; INSERT INTO seeded.kinds (name) VALUES ('x');"
                + "UPDATE public.outside SET id = 2");

        reset.reset();

        assertThat(query("SELECT id || ' ' || name || ' ' || label FROM seeded.kinds ORDER BY id"))
                .containsExactly("1 small SMALL", "2 large LARGE");
        assertThat(query("SELECT count(*) FROM seeded.items")).containsExactly("0");
        sql("INSERT INTO seeded.kinds (name) VALUES ('next'); INSERT INTO seeded.items (kind) VALUES (3)");
        assertThat(query("SELECT kind || ' ' || id FROM seeded.items")).containsExactly("3 1");
        assertThat(query("SELECT id FROM public.outside")).containsExactly("2");
    }

    @Test
    void tablesReferencingEachOtherInACycleAreEmptiedTogether() throws SQLException {
        TenantDataReset reset = migrated("cyclic", """
                CREATE TABLE a (id int PRIMARY KEY, b int);
                CREATE TABLE b (id int PRIMARY KEY, a int REFERENCES a (id));
                ALTER TABLE a ADD FOREIGN KEY (b) REFERENCES b (id) DEFERRABLE INITIALLY DEFERRED;
                """);
        sql("BEGIN; INSERT INTO cyclic.a VALUES (1, 1); INSERT INTO cyclic.b VALUES (1, 1); COMMIT");

        reset.reset();

        assertThat(query("SELECT (SELECT count(*) FROM cyclic.a) + (SELECT count(*) FROM cyclic.b)"))
                .containsExactly("0");
    }

    @Test
    void manyRowsAreClearedToo() throws SQLException {
        TenantDataReset reset = migrated("crowded", "CREATE TABLE events (id bigserial PRIMARY KEY, body text)");
        sql("INSERT INTO crowded.events (body) SELECT 'event ' || g FROM generate_series(1, "
                + (TenantDataReset.FEW_ROWS + 500) + ") g");

        reset.reset();

        assertThat(query("SELECT count(*) FROM crowded.events")).containsExactly("0");
        assertThat(query("SELECT last_value IS NULL FROM pg_sequences WHERE schemaname = 'crowded'"))
                .containsExactly("t");
    }

    @Test
    void theTenantsOwnRowAndDomainsComeBackAndNoOtherTenantsRows() throws SQLException {
        sql("""
                CREATE SCHEMA registry;
                CREATE TABLE registry.tenants (id bigserial PRIMARY KEY, schema_name text NOT NULL UNIQUE,
                    status text NOT NULL, plan text, active boolean GENERATED ALWAYS AS (status <> 'INACTIVE') STORED);
                CREATE TABLE registry.domains (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    domain text NOT NULL UNIQUE, tenant_id bigint NOT NULL REFERENCES registry.tenants (id),
                    is_primary boolean NOT NULL);
                INSERT INTO registry.tenants (schema_name, status, plan) VALUES ('owned', 'ACTIVE', 'basic'),
                    ('neighbour', 'ACTIVE', 'basic');
                INSERT INTO registry.domains (domain, tenant_id, is_primary) VALUES ('owned.localhost', 1, true),
                    ('owned.example.com', 1, false), ('neighbour.localhost', 2, true);
                CREATE SCHEMA owned; CREATE TABLE owned.notes (id int);
                """);
        TenantDataReset reset = TenantDataReset.capture(pool, new TestTenant(SchemaName.of("owned"),
                "owned.localhost", 1), TenantTables.of("registry.tenants", "registry.domains"));
        assertThat(reset.reset()).as("nothing changed").isFalse();
        sql("""
                UPDATE registry.tenants SET status = 'INACTIVE', plan = 'enterprise';
                DELETE FROM registry.domains WHERE domain = 'owned.example.com';
                UPDATE registry.domains SET is_primary = false WHERE domain = 'owned.localhost';
                INSERT INTO registry.domains (domain, tenant_id, is_primary) VALUES ('added.localhost', 1, true),
                    ('neighbour.example.com', 2, false);
                """);

        assertThat(reset.reset()).as("the tenant's rows were put back").isTrue();

        assertThat(query("SELECT schema_name || ' ' || status || ' ' || plan || ' ' || active FROM registry.tenants "
                + "ORDER BY id")).containsExactly("owned ACTIVE basic true", "neighbour INACTIVE enterprise false");
        assertThat(query("SELECT id || ' ' || domain || ' ' || is_primary FROM registry.domains ORDER BY id"))
                .containsExactly("1 owned.localhost true", "2 owned.example.com false", "3 neighbour.localhost true",
                        "5 neighbour.example.com false");
        assertThat(reset.reset()).isFalse();
    }

    @Test
    void aChangeTheResetCannotUndoIsReported() throws SQLException {
        TenantDataReset reset = migrated("changed", "CREATE TABLE notes (id bigserial PRIMARY KEY)");
        sql("CREATE SEQUENCE changed.added_by_a_test; SELECT nextval('changed.added_by_a_test')");

        assertThatThrownBy(reset::reset)
                .hasMessageContaining("The data of test tenant changed could not be reset")
                .hasMessageContaining("Did a test create tables or sequences in it");
    }
}
