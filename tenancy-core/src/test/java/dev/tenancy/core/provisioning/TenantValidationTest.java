package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

/** Bad input is refused with a specific error before anything is written. */
@ExtendWith(TestDatabaseExtension.class)
class TenantValidationTest {

    private static ProvisioningFixture fixture;
    private static TenantProvisioner provisioner;
    private static List<String> tenantsBefore;
    private static List<String> domainsBefore;
    private static List<String> schemasBefore;

    @BeforeAll
    static void oneExistingTenant(TestDatabase database) {
        fixture = new ProvisioningFixture(database, 4);
        provisioner = fixture.provisioner().reservedSchemas("tenant_admin").reservedSubdomains("www", "API").build();
        provisioner.create(TenantRequest.subdomain("acme").domain("shop.acme.test").value("name", "Acme"));
        fixture.sql("CREATE SCHEMA tenant_stray");
        tenantsBefore = fixture.tenants();
        domainsBefore = fixture.domains();
        schemasBefore = fixture.schemas();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(fixture.tenants()).isEqualTo(tenantsBefore);
        assertThat(fixture.domains()).isEqualTo(domainsBefore);
        assertThat(fixture.schemas()).isEqualTo(schemasBefore);
        assertThat(fixture.ledger()).isEmpty();
        assertThat(fixture.audit()).last().asString().endsWith(":FAILURE");
    }

    @Test
    void aSubdomainThatIsNotADnsLabelIsRefused() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("acme corp").value("name", "X")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid subdomain");
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("-acme").value("name", "X")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aReservedSubdomainIsRefusedWhateverItsCase() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("Api").value("name", "X")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'api' is reserved");
    }

    @Test
    void theSubdomainWwwIsRefusedEvenWhenTheReservedListLeavesItOut() {
        TenantProvisioner apiOnly = fixture.provisioner().reservedSubdomains("api").build();
        assertThatThrownBy(() -> apiOnly.create(TenantRequest.subdomain("WWW").value("name", "X")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'www' is reserved");
    }

    @Test
    void theDefaultReservedSubdomainsAreRefused() {
        TenantProvisioner defaults = fixture.provisioner().build();
        for (String subdomain : new String[] {"Admin", "mail", "API", "static", "localhost"}) {
            assertThatThrownBy(() -> defaults.create(TenantRequest.subdomain(subdomain).value("name", "X")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("is reserved");
        }
    }

    @Test
    void aReservedOrSystemSchemaNameIsRefused() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("admin").value("name", "X")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is reserved");
        assertThatThrownBy(() -> provisioner.create(TenantRequest.schema("public").value("name", "X")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> provisioner.create(TenantRequest.schema("pg_catalog").value("name", "X")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> provisioner.create(TenantRequest.schema("Tenant-X").value("name", "X")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aSubdomainTooLongForASchemaNameIsRefused() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("a".repeat(60)).value("name", "X")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bytes long");
    }

    @Test
    void anInvalidHostNameIsRefused() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("globex").domain("bad host!")
                .value("name", "Globex"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDomainOwnedByAnotherTenantIsRefused() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("globex").domain("SHOP.acme.test")
                .value("name", "Globex")))
                .isInstanceOf(TenantConflictException.class).hasMessageContaining("'shop.acme.test'");
    }

    @Test
    void anExistingTenantIsRefused() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("ACME").value("name", "Again")))
                .isInstanceOf(TenantConflictException.class).hasMessageContaining("tenant_acme");
    }

    @Test
    void aSchemaThatExistsWithoutATenantIsRefused() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("stray").value("name", "Stray")))
                .isInstanceOf(TenantConflictException.class).hasMessageContaining("no tenant owns it");
    }

    @Test
    void missingRequiredFieldsAndUnknownOrManagedColumnsAreAllReportedAtOnce() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("globex").value("colour", "red")
                .value("status", "ACTIVE").value("max_users", 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                "The tenant table has no column 'colour'; check the name.",
                                "The column 'status' is set by provisioning itself; remove it from the request.",
                                "The column 'name' is required (NOT NULL without a default); give it a value with "
                                        + "TenantRequest.value(\"name\", ...)."));
    }

    @Test
    void aNullForANotNullColumnIsRefused() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("globex").value("name", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'name' must not be null");
    }

    @Test
    void aValueOfTheWrongTypeFailsBeforeAnythingIsKept() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("globex").value("name", "Globex")
                .value("max_users", "many")))
                .isInstanceOf(TenancyException.class).hasMessageContaining("before anything was written");
    }
}
