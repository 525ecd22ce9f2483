package dev.tenancy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.migration.MigrationException;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import javax.sql.DataSource;

/** The default start-up migrations, straight on a database of their own. */
@ExtendWith(TestDatabaseExtension.class)
class FlywayStartupMigrationsTest {

    private static FlywayStartupMigrations migrations(DataSource dataSource, TenancyProperties properties) {
        return new FlywayStartupMigrations(dataSource, FlywayStartupMigrationsTest.class.getClassLoader(), properties,
                TenantTables.defaults());
    }

    private static List<String> schemasWithNotes(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT table_schema FROM information_schema.tables WHERE table_name = 'notes' "
                + "ORDER BY table_schema", String.class);
    }

    @Test
    void allMigratesTheSharedSchemaThenEveryTenantThatIsNotBeingProvisioned(TestDatabase database) {
        DataSource dataSource = database.unpooledDataSource();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        migrations(dataSource, new TenancyProperties()).migrate(MigrateOnStartup.SHARED);
        jdbc.update("INSERT INTO tenants (schema_name, status, name) VALUES ('tenant_a', 'ACTIVE', 'A'), "
                + "('tenant_b', 'INACTIVE', 'B'), ('tenant_c', 'PROVISIONING', 'C')");
        assertThat(schemasWithNotes(jdbc)).isEmpty();

        migrations(dataSource, new TenancyProperties()).migrate(MigrateOnStartup.ALL);

        assertThat(schemasWithNotes(jdbc)).containsExactly("tenant_a", "tenant_b");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM public.flyway_schema_history", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void aFailingMigrationStopsStartUpNamingTheSchema(TestDatabase database) {
        TenancyProperties properties = new TenancyProperties();
        properties.getSchemas().setShared("shared_broken");
        properties.getMigrations().setSharedLocations(List.of("classpath:db/migration/tenant"));
        JdbcTemplate jdbc = new JdbcTemplate(database.unpooledDataSource());
        jdbc.execute("CREATE SCHEMA shared_broken; CREATE TABLE shared_broken.notes (id int)");
        jdbc.execute("CREATE TABLE shared_broken.flyway_schema_history (installed_rank int)");

        assertThatThrownBy(() -> migrations(database.unpooledDataSource(), properties).migrate(MigrateOnStartup.SHARED))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Migrating schema 'shared_broken'");
    }
}
