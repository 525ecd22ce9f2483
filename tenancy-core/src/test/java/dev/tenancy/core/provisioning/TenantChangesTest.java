package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.TenantNotFoundException;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

/** Renaming, domains, cloning a tenant, and building missing schemas. */
@ExtendWith(TestDatabaseExtension.class)
class TenantChangesTest {

    private static final SchemaName ACME = SchemaName.of("tenant_acme");

    private static ProvisioningFixture fixture;
    private TenantDirectory directory;
    private TenantProvisioner provisioner;

    @BeforeAll
    static void database(TestDatabase database) {
        fixture = new ProvisioningFixture(database, 6);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void acmeWithAUser() {
        fixture.reset();
        directory = TenantDirectory.builder(fixture.pool()).build();
        provisioner = fixture.provisioner().directory(directory).reservedSchemas("tenant_admin").build();
        provisioner.create(TenantRequest.subdomain("acme").value("name", "Acme"));
        fixture.sql("INSERT INTO tenant_acme.users (email) VALUES ('ann@acme.test'), ('bob@acme.test')");
    }

    @Test
    void renamingMovesTheSchemaAndTheRowTogether() {
        assertThat(directory.resolve("acme.localhost")).hasValueSatisfying(t -> assertThat(t.schema()).isEqualTo(ACME));

        provisioner.renameSchema(ACME, SchemaName.of("tenant_acme_corp"), "alice");

        assertThat(fixture.tenants()).containsExactly("tenant_acme_corp:ACTIVE");
        assertThat(fixture.schemas()).containsExactly("tenant_acme_corp");
        assertThat(fixture.strings("SELECT email FROM tenant_acme_corp.users ORDER BY email"))
                .containsExactly("ann@acme.test", "bob@acme.test");
        assertThat(directory.resolve("acme.localhost")).hasValueSatisfying(tenant ->
                assertThat(tenant.schema().value()).isEqualTo("tenant_acme_corp"));
        assertThat(fixture.audit()).last().isEqualTo("RENAME:tenant_acme_corp:SUCCESS");
    }

    @Test
    void renamingToATakenOrReservedNameChangesNothing() {
        provisioner.create(TenantRequest.subdomain("globex").value("name", "Globex"));

        assertThatThrownBy(() -> provisioner.renameSchema(ACME, SchemaName.of("tenant_globex"), "alice"))
                .isInstanceOf(TenantConflictException.class);
        assertThatThrownBy(() -> provisioner.renameSchema(ACME, SchemaName.of("tenant_admin"), "alice"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> provisioner.renameSchema(SchemaName.of("tenant_nobody"), SchemaName.of("tenant_x"),
                "alice")).isInstanceOf(TenantNotFoundException.class);

        assertThat(fixture.tenants()).containsExactly("tenant_acme:ACTIVE", "tenant_globex:ACTIVE");
        assertThat(fixture.schemas()).containsExactly("tenant_acme", "tenant_globex");
    }

    @Test
    void addingAPrimaryDomainDemotesTheOldOneAndTheDirectorySeesItAtOnce() {
        assertThat(directory.resolve("www.acme.test")).isEmpty();

        provisioner.addDomain(ACME, "ACME.test", false, "alice");
        provisioner.addDomain(ACME, "www.acme.test", true, "alice");

        assertThat(fixture.domains()).containsExactly("acme.localhost:tenant_acme:false",
                "acme.test:tenant_acme:false", "www.acme.test:tenant_acme:true");
        assertThat(directory.resolve("www.acme.test")).isPresent();
        assertThat(fixture.audit()).last().isEqualTo("ADD_DOMAIN:tenant_acme:SUCCESS");
    }

    @Test
    void aDomainOfAnotherTenantCannotBeAdded() {
        provisioner.create(TenantRequest.subdomain("globex").value("name", "Globex"));

        assertThatThrownBy(() -> provisioner.addDomain(ACME, "globex.localhost", false, "alice"))
                .isInstanceOf(TenantConflictException.class);
        assertThatThrownBy(() -> provisioner.addDomain(SchemaName.of("tenant_nobody"), "x.test", false, "alice"))
                .isInstanceOf(TenantNotFoundException.class);

        assertThat(fixture.domains()).containsExactly("acme.localhost:tenant_acme:true",
                "globex.localhost:tenant_globex:true");
    }

    @Test
    void removingThePrimaryDomainPromotesTheOldestRemaining() {
        provisioner.addDomain(ACME, "acme.test", false, "alice");
        provisioner.addDomain(ACME, "shop.acme.test", false, "alice");
        assertThat(directory.resolve("acme.localhost")).isPresent();

        assertThat(provisioner.removeDomain("Acme.Localhost", "alice")).isTrue();
        assertThat(provisioner.removeDomain("nowhere.test", "alice")).isFalse();

        assertThat(fixture.domains()).containsExactly("acme.test:tenant_acme:true", "shop.acme.test:tenant_acme:false");
        assertThat(directory.resolve("acme.localhost")).isEmpty();
        assertThat(fixture.audit()).last().isEqualTo("REMOVE_DOMAIN:tenant_acme:SUCCESS");
    }

    @Test
    void cloningWithDataCopiesStructureRowsAndSequencePositions() throws Exception {
        TenantInfo copy = provisioner.cloneTenant(ACME, TenantRequest.subdomain("acme2").value("name", "Acme 2"), true);

        assertThat(copy.domains()).containsExactly("acme2.localhost");
        assertThat(SchemaDescription.of(fixture.pool(), copy.schema()))
                .containsExactlyElementsOf(SchemaDescription.of(fixture.pool(), ACME));
        assertThat(fixture.strings("SELECT email FROM tenant_acme2.users ORDER BY id"))
                .containsExactly("ann@acme.test", "bob@acme.test");
        fixture.sql("INSERT INTO tenant_acme2.users (email) VALUES ('carol@acme.test')");
        assertThat(fixture.string("SELECT max(id) FROM tenant_acme2.users")).isEqualTo("3");
        assertThat(fixture.string("SELECT details->>'source' FROM public.tenancy_audit WHERE action = 'CLONE' "
                + "AND schema_name = 'tenant_acme2'"))
                .isEqualTo("tenant_acme");
    }

    @Test
    void cloningWithoutDataCopiesOnlyTheStructureAndTheMigrationHistory() throws Exception {
        TenantInfo copy = provisioner.cloneTenant(ACME, TenantRequest.subdomain("blank").value("name", "Blank"), false);

        List<String> structure = SchemaDescription.of(fixture.pool(), copy.schema());
        assertThat(structure).filteredOn(line -> !line.startsWith("row ") && !line.startsWith("next "))
                .containsExactlyElementsOf(SchemaDescription.of(fixture.pool(), ACME).stream()
                        .filter(line -> !line.startsWith("row ") && !line.startsWith("next ")).toList());
        assertThat(fixture.string("SELECT count(*) FROM tenant_blank.users")).isEqualTo("0");
        fixture.migrator(ProvisioningFixture.TENANT, ProvisioningFixture.LATER).migrate(copy.schema());
        assertThat(fixture.string("SELECT max(version::int) FROM tenant_blank.flyway_schema_history")).isEqualTo("7");
    }

    @Test
    void aTenantHoldingWhatCloningCannotReproduceIsNotClonedAndNothingIsLeft() {
        fixture.sql("CREATE TYPE tenant_acme.mood AS ENUM ('happy', 'sad')");

        assertThatThrownBy(() -> provisioner.cloneTenant(ACME, TenantRequest.subdomain("copy").value("name", "Copy"),
                true)).isInstanceOf(TenancyException.class).hasMessageContaining("type tenant_acme.mood");

        assertThat(fixture.tenants()).containsExactly("tenant_acme:ACTIVE");
        assertThat(fixture.schemas()).containsExactly("tenant_acme");
    }

    @Test
    void cloningAnUnknownTenantWritesNothing() {
        assertThatThrownBy(() -> provisioner.cloneTenant(SchemaName.of("tenant_nobody"),
                TenantRequest.subdomain("orphan").value("name", "Orphan"), true))
                .isInstanceOf(TenantNotFoundException.class);

        assertThat(fixture.tenants()).containsExactly("tenant_acme:ACTIVE");
        assertThat(fixture.schemas()).containsExactly("tenant_acme");
    }

    @Test
    void tenantRowsWithoutTheirSchemaGetOne() {
        fixture.sql("""
                INSERT INTO public.tenants (schema_name, status, name) VALUES ('tenant_imported', 'PROVISIONING', 'I');
                INSERT INTO public.tenants (schema_name, status, name) VALUES ('tenant_dormant', 'INACTIVE', 'D');
                INSERT INTO public.tenants (schema_name, status, name, auto_create_schema)
                    VALUES ('tenant_manual', 'ACTIVE', 'M', false);
                """);

        List<SchemaName> created = provisioner.createMissingSchemas("ops");

        assertThat(created).extracting(SchemaName::value).containsExactly("tenant_imported", "tenant_dormant");
        assertThat(fixture.tenants()).containsExactly("tenant_acme:ACTIVE", "tenant_imported:ACTIVE",
                "tenant_dormant:INACTIVE", "tenant_manual:ACTIVE");
        assertThat(fixture.schemas()).containsExactly("tenant_acme", "tenant_dormant", "tenant_imported");
        assertThat(fixture.string("SELECT count(*) FROM tenant_imported.roles")).isEqualTo("2");
        assertThat(provisioner.createMissingSchemas("ops")).isEmpty();
    }
}
