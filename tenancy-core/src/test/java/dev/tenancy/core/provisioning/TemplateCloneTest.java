package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

@ExtendWith(TestDatabaseExtension.class)
class TemplateCloneTest {

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
        fixture.sql("DROP SCHEMA IF EXISTS _tenancy_template CASCADE");
    }

    private String source(String schema) {
        return fixture.string("SELECT details->>'source' FROM public.tenancy_audit WHERE schema_name = '" + schema
                + "' ORDER BY id DESC LIMIT 1");
    }

    @Test
    void aTenantClonedFromTheTemplateHasExactlyTheStructureAndDataOfAMigratedOne() throws Exception {
        fixture.provisioner().build().create(TenantRequest.subdomain("cloned").value("name", "Cloned"));
        fixture.provisioner().withoutTemplate().build().create(TenantRequest.subdomain("migrated")
                .value("name", "Migrated"));
        assertThat(source("tenant_cloned")).isEqualTo("TEMPLATE");
        assertThat(source("tenant_migrated")).isEqualTo("MIGRATIONS");

        List<String> cloned = SchemaDescription.of(fixture.pool(), SchemaName.of("tenant_cloned"));
        List<String> migrated = SchemaDescription.of(fixture.pool(), SchemaName.of("tenant_migrated"));

        assertThat(cloned).hasSizeGreaterThan(80).containsExactlyElementsOf(migrated);
    }

    @Test
    void aClonedSchemaRefersToItselfAndNeverToTheTemplate() {
        fixture.provisioner().build().create(TenantRequest.subdomain("selfref").value("name", "Self"));

        assertThat(fixture.strings("""
                SELECT pg_describe_object(d.classid, d.objid, d.objsubid) FROM pg_depend d
                WHERE d.refclassid = 'pg_class'::regclass
                  AND d.refobjid IN (SELECT oid FROM pg_class WHERE relnamespace = '_tenancy_template'::regnamespace)
                  AND d.objid NOT IN (SELECT oid FROM pg_class WHERE relnamespace = '_tenancy_template'::regnamespace)
                  AND pg_describe_object(d.classid, d.objid, d.objsubid) LIKE '%tenant_selfref%'
                """)).isEmpty();
        fixture.sql("INSERT INTO tenant_selfref.users (email) VALUES ('a@b.c')");
        assertThat(fixture.string("SELECT count(*) FROM _tenancy_template.users")).isEqualTo("0");
    }

    @Test
    void laterMigrationsApplyNormallyToAClonedSchema() {
        fixture.provisioner().build().create(TenantRequest.subdomain("evolving").value("name", "Evolving"));

        fixture.migrator(ProvisioningFixture.TENANT, ProvisioningFixture.LATER)
                .migrate(SchemaName.of("tenant_evolving"));

        assertThat(fixture.strings("SELECT version FROM tenant_evolving.flyway_schema_history "
                + "WHERE version IS NOT NULL ORDER BY installed_rank"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(fixture.string("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                + "'tenant_evolving' AND table_name = 'tasks' AND column_name = 'due'")).isEqualTo("1");
    }

    @Test
    void aRefreshedTemplateGivesNewTenantsTheNewMigrations() {
        fixture.provisioner().build().create(TenantRequest.subdomain("before").value("name", "Before"));

        TenantProvisioner newer = TenantProvisioner.builder(fixture.pool(),
                fixture.migrator(ProvisioningFixture.TENANT, ProvisioningFixture.LATER)).build();
        newer.create(TenantRequest.subdomain("after").value("name", "After"));

        assertThat(source("tenant_after")).isEqualTo("TEMPLATE");
        assertThat(fixture.string("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                + "'tenant_after' AND table_name = 'tasks' AND column_name = 'due'")).isEqualTo("1");
        assertThat(fixture.string("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                + "'tenant_before' AND table_name = 'tasks' AND column_name = 'due'")).isEqualTo("0");
    }

    @Test
    void aTemplateHoldingWhatCloningCannotReproduceFallsBackToMigrations() {
        TenantProvisioner provisioner = fixture.provisioner().build();
        provisioner.refreshTemplate();
        fixture.sql("CREATE FUNCTION _tenancy_template.answer() RETURNS int LANGUAGE sql AS 'SELECT 42'");

        provisioner.create(TenantRequest.subdomain("fallback").value("name", "Fallback"));

        assertThat(source("tenant_fallback")).isEqualTo("MIGRATIONS");
        assertThat(fixture.tenants()).containsExactly("tenant_fallback:ACTIVE");
    }

    @Test
    void theTemplateNameIsReservedAndItIsNeverServed() {
        TenantProvisioner provisioner = fixture.provisioner().build();
        provisioner.create(TenantRequest.subdomain("first").value("name", "First"));

        assertThat(fixture.schemaExists("_tenancy_template")).isTrue();
        assertThat(fixture.string("SELECT count(*) FROM public.tenants WHERE schema_name = '_tenancy_template'"))
                .isEqualTo("0");
        assertThatThrownBy(() -> provisioner.create(TenantRequest.schema("_tenancy_template").value("name", "Sneaky")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reserved");
    }
}
