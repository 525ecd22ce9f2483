package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;
import dev.tenancy.core.migration.MigrationReport;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenants the provisioner creates carry a migration ledger row, so the first fleet run after creating them checks
 * none of them with Flyway; the row never claims more than the schema holds.
 */
@ExtendWith(TestDatabaseExtension.class)
class LedgerAfterProvisioningTest {

    private static ProvisioningFixture fixture;

    @BeforeAll
    static void database(TestDatabase database) {
        fixture = new ProvisioningFixture(database, 6);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void noTenants() {
        fixture.reset();
        fixture.sql("DROP SCHEMA IF EXISTS _tenancy_template CASCADE;"
                + "DROP TABLE IF EXISTS public.tenancy_schema_versions");
    }

    @Test
    void theFirstFleetRunAfterCreatingTenantsRunsFlywayOnNone() {
        TenantProvisioner provisioner = fixture.provisioner().build();
        provisioner.create(TenantRequest.subdomain("cloned").value("name", "Cloned"));
        fixture.provisioner().withoutTemplate().build().create(TenantRequest.subdomain("migrated")
                .value("name", "Migrated"));
        provisioner.cloneTenant(SchemaName.of("tenant_cloned"), TenantRequest.subdomain("copied")
                .value("name", "Copied"), true);

        MigrationReport report = fixture.migrator().migrateTenants();

        assertThat(report.results()).isEmpty();
        assertThat(report.skipped()).isEqualTo(3);
        assertThat(fixture.strings("SELECT schema_name FROM public.tenancy_schema_versions ORDER BY 1"))
                .contains("tenant_cloned", "tenant_copied", "tenant_migrated");
    }

    @Test
    void aCloneOfAnUncertifiedTemplateIsCheckedWithFlyway() {
        TenantProvisioner provisioner = fixture.provisioner().build();
        provisioner.create(TenantRequest.subdomain("first").value("name", "First"));
        fixture.sql("DELETE FROM public.tenancy_schema_versions WHERE schema_name = '_tenancy_template'");
        provisioner.create(TenantRequest.subdomain("second").value("name", "Second"));

        MigrationReport report = fixture.migrator().migrateTenants();

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.results()).extracting(SchemaResult::schema)
                .containsExactly("tenant_second");
        assertThat(report.count(SchemaResult.Outcome.UP_TO_DATE)).isEqualTo(1);
    }

    @Test
    void clonedTenantsAreStillMigratedWhenTheMigrationsChange() {
        fixture.provisioner().build().create(TenantRequest.subdomain("evolving").value("name", "Evolving"));

        MigrationReport report = fixture.migrator(ProvisioningFixture.TENANT, ProvisioningFixture.LATER)
                .migrateTenants();

        assertThat(report.count(SchemaResult.Outcome.MIGRATED)).isEqualTo(1);
        assertThat(fixture.string("SELECT count(*) FROM tenant_evolving.flyway_schema_history WHERE version = '7'"))
                .isEqualTo("1");
    }
}
