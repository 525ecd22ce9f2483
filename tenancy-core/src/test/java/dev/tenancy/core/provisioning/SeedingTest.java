package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.seed.TenantSeeding.SeedScript;
import dev.tenancy.core.seed.TenantSeeding;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Seeding a tenant with SQL scripts and application code: every new tenant as it is created (a failing seed fails
 * the creation, which leaves nothing behind), and an existing tenant on demand.
 */
@ExtendWith(TestDatabaseExtension.class)
class SeedingTest {

    private static ProvisioningFixture fixture;
    private static TenantAwareDataSource dataSource;

    private static final SeedScript ADMIN = new SeedScript("admin.sql",
            "INSERT INTO users (email) VALUES ('admin@example.com'); UPDATE users SET display_name = 'Admin'");

    @BeforeAll
    static void setUp(TestDatabase database) {
        fixture = new ProvisioningFixture(database, 4);
        dataSource = TenantAwareDataSource.wrap(fixture.pool());
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    @BeforeEach
    void noTenants() {
        fixture.reset();
    }

    private static TenantSeeding seeding(SeedScript... scripts) {
        TenantSeeding.Builder builder = TenantSeeding.builder(dataSource);
        for (SeedScript script : scripts) {
            builder.script(script);
        }
        return builder.seeder(tenant -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO users (email, display_name) VALUES ('seeded-by-code@example.com', '"
                        + Tenants.require().value() + "')");
            }
        }).build();
    }

    @Test
    void everyNewTenantIsSeededByScriptsThenCodeInsideItsSchema() {
        TenantProvisioner provisioner = fixture.provisioner().listener(seeding(ADMIN).onCreate()).build();

        provisioner.create(TenantRequest.subdomain("seeded").value("name", "Seeded"));

        assertThat(fixture.strings("SELECT email || ':' || display_name FROM tenant_seeded.users ORDER BY id"))
                .containsExactly("admin@example.com:Admin", "seeded-by-code@example.com:tenant_seeded");
        assertThat(fixture.tenants()).containsExactly("tenant_seeded:ACTIVE");
    }

    @Test
    void aFailingSeedScriptFailsTheCreationAndLeavesNothing() {
        TenantProvisioner provisioner = fixture.provisioner()
                .listener(seeding(ADMIN, new SeedScript("broken.sql", "INSERT INTO no_such_table VALUES (1)"))
                        .onCreate()).build();

        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("broken").value("name", "Broken")))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("Seed script broken.sql failed in tenant tenant_broken");
        assertThat(fixture.tenants()).isEmpty();
        assertThat(fixture.schemaExists("tenant_broken")).isFalse();
    }

    @Test
    void anExistingTenantIsSeededOnDemandAndAMissingOneIsNamed() {
        fixture.provisioner().build().create(TenantRequest.subdomain("later").value("name", "Later"));

        seeding(ADMIN).seed(SchemaName.of("tenant_later"));

        assertThat(fixture.strings("SELECT email FROM tenant_later.users ORDER BY id"))
                .containsExactly("admin@example.com", "seeded-by-code@example.com");
        assertThatThrownBy(() -> seeding(ADMIN).seed(SchemaName.of("tenant_nobody")))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("Cannot seed tenant tenant_nobody: its schema does not exist.");
    }
}
