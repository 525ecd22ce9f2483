package dev.tenancy.core.provisioning;

import dev.tenancy.core.provisioning.TenantRequest.TenantNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.model.TenantMixin.TenantStatus;
import dev.tenancy.core.provisioning.TenantListener.CreationOutcome;
import dev.tenancy.core.provisioning.TenantRequest.TenantSetup;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

@ExtendWith(TestDatabaseExtension.class)
class TenantCreationTest {

    private static ProvisioningFixture fixture;
    private static TenantAwareDataSource application;

    @BeforeAll
    static void database(TestDatabase database) {
        fixture = new ProvisioningFixture(database, 6);
        application = TenantAwareDataSource.wrap(fixture.pool());
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void noTenants() {
        fixture.reset();
    }

    /** What an application's sign-up does: create the tenant's admin user through its own tenant-aware pool. */
    private static TenantSetup admin(String email) {
        return tenant -> {
            try (Connection connection = application.getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO users (email, role) "
                         + "VALUES (?, 'admin')")) {
                insert.setString(1, email);
                insert.executeUpdate();
            }
        };
    }

    @Test
    void createsAnActiveTenantWithItsSchemaDomainAndAdminUser() {
        TenantProvisioner provisioner = fixture.provisioner().build();

        TenantInfo acme = provisioner.create(TenantRequest.subdomain("acme").value("name", "Acme Corp")
                .setUp(admin("admin@acme.test")).actor("alice"));

        assertThat(acme.schema()).isEqualTo(SchemaName.of("tenant_acme"));
        assertThat(acme.domains()).containsExactly("acme.localhost");
        assertThat(fixture.tenants()).containsExactly("tenant_acme:ACTIVE");
        assertThat(fixture.domains()).containsExactly("acme.localhost:tenant_acme:true");
        assertThat(fixture.string("SELECT email || ':' || role FROM tenant_acme.users"))
                .isEqualTo("admin@acme.test:admin");
        assertThat(fixture.strings("SELECT code FROM tenant_acme.roles ORDER BY code"))
                .containsExactly("admin", "member");
        assertThat(fixture.string("SELECT name || ':' || subscription_plan FROM public.tenants"))
                .isEqualTo("Acme Corp:free");
        assertThat(fixture.ledger()).isEmpty();
    }

    @Test
    void subdomainsAreComparedCaseInsensitivelyAndMoreDomainsFollowThePrimaryOne() {
        TenantProvisioner provisioner = fixture.provisioner().naming(TenantNaming.conventional("Example.COM")).build();

        TenantInfo info = provisioner.create(TenantRequest.subdomain("Big-Shop").domain("WWW.BigShop.test")
                .value("name", "Big Shop"));

        assertThat(info.schema().value()).isEqualTo("tenant_big_shop");
        assertThat(fixture.domains()).containsExactly("big-shop.example.com:tenant_big_shop:true",
                "www.bigshop.test:tenant_big_shop:false");
    }

    @Test
    void aTenantCanBeNamedByItsSchemaAndGetsOnlyTheDomainsGiven() {
        TenantProvisioner provisioner = fixture.provisioner().build();

        provisioner.create(TenantRequest.schema("tenant_custom").value("name", "Custom"));

        assertThat(fixture.tenants()).containsExactly("tenant_custom:ACTIVE");
        assertThat(fixture.domains()).isEmpty();
    }

    @Test
    void columnValuesAreConvertedToTheColumnsTypes() {
        TenantProvisioner provisioner = fixture.provisioner().build();

        provisioner.create(TenantRequest.subdomain("typed").value("name", "Typed").value("max_users", "25")
                .value("subscription_plan", "pro").autoDropSchema(true));

        assertThat(fixture.string("SELECT max_users + 1 || ':' || subscription_plan || ':' || auto_drop_schema "
                + "FROM public.tenants")).isEqualTo("26:pro:true");
    }

    @Test
    void theApplicationStepRunsInsideTheNewTenantsContext() {
        TenantProvisioner provisioner = fixture.provisioner().build();
        List<String> seen = new ArrayList<>();

        provisioner.create(TenantRequest.subdomain("ctx").value("name", "Ctx")
                .setUp(tenant -> seen.add(Tenants.require().value())));

        assertThat(seen).containsExactly("tenant_ctx");
        assertThat(Tenants.inPublic()).isTrue();
    }

    @Test
    void listenersHearEachStepInOrder() {
        List<String> heard = new ArrayList<>();
        TenantProvisioner provisioner = fixture.provisioner().listener(new TenantListener() {
            @Override
            public void beforeCreate(TenantInfo tenant) {
                heard.add("beforeCreate " + fixture.schemaExists(tenant.schema().value()));
            }

            @Override
            public void afterSchemaReady(TenantInfo tenant) {
                heard.add("afterSchemaReady " + fixture.schemaExists(tenant.schema().value()));
            }

            @Override
            public void afterCreate(TenantInfo tenant) {
                heard.add("afterCreate " + tenant.primaryDomain());
            }
        }).build();

        provisioner.create(TenantRequest.subdomain("heard").value("name", "Heard")
                .setUp(tenant -> heard.add("setUp")));

        assertThat(heard).containsExactly("beforeCreate false", "afterSchemaReady true", "setUp",
                "afterCreate heard.localhost");
    }

    @Test
    void listenersHearHowEachCreationEndedAndHowItsSchemaWasBuilt() {
        List<String> ended = new ArrayList<>();
        TenantListener outcomes = new TenantListener() {
            @Override
            public void creationEnded(CreationOutcome outcome) {
                assertThat(outcome.duration()).isPositive();
                ended.add(outcome.schema() + ":" + outcome.mode() + ":" + outcome.created());
            }
        };
        TenantProvisioner withTemplate = fixture.provisioner().listener(outcomes).build();
        TenantProvisioner withoutTemplate = fixture.provisioner().withoutTemplate().listener(outcomes).build();

        withTemplate.create(TenantRequest.subdomain("cloned").value("name", "Cloned"));
        withoutTemplate.create(TenantRequest.subdomain("migrated").value("name", "Migrated"));
        withTemplate.cloneTenant(SchemaName.of("tenant_cloned"), TenantRequest.subdomain("copy").value("name", "C"),
                false);
        assertThatThrownBy(() -> withTemplate.create(TenantRequest.subdomain("broken").value("name", "Broken")
                .setUp(tenant -> {
                    throw new IllegalStateException("set-up failed");
                }))).isInstanceOf(TenancyException.class);
        assertThatThrownBy(() -> withTemplate.create(TenantRequest.subdomain("cloned").value("name", "Again")))
                .isInstanceOf(TenantConflictException.class);

        assertThat(ended).containsExactly("tenant_cloned:TEMPLATE:true", "tenant_migrated:MIGRATIONS:true",
                "tenant_copy:CLONE:true", "tenant_broken:TEMPLATE:false");
    }

    @Test
    void theDirectorySeesANewTenantAtOnceEvenAfterCachingItsHostAsUnknown() {
        TenantDirectory directory = TenantDirectory.builder(fixture.pool()).build();
        TenantProvisioner provisioner = fixture.provisioner().directory(directory).build();
        assertThat(directory.resolve("fresh.localhost")).isEmpty();

        provisioner.create(TenantRequest.subdomain("fresh").value("name", "Fresh"));

        assertThat(directory.resolve("fresh.localhost")).hasValueSatisfying(tenant ->
                assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE));
    }

    @Test
    void creationsAreAudited() {
        TenantProvisioner provisioner = fixture.provisioner().build();

        provisioner.create(TenantRequest.subdomain("audited").value("name", "Secret Name").actor("alice"));

        assertThat(fixture.strings("SELECT actor || ' ' || action || ' ' || schema_name || ' ' || outcome || ' '"
                + " || (details->>'domains') || ' ' || (details->>'source') FROM public.tenancy_audit "
                + "WHERE schema_name = 'tenant_audited'"))
                .containsExactly("alice CREATE tenant_audited SUCCESS audited.localhost TEMPLATE");
        assertThat(fixture.string("SELECT count(*) FROM public.tenancy_audit WHERE details::text LIKE '%Secret%'"))
                .isEqualTo("0");
    }

    @Test
    void aTenantAwareDataSourceGivenToTheBuilderIsUnwrapped() {
        TenantProvisioner provisioner = TenantProvisioner.builder(application, fixture.migrator()).build();

        Tenants.run(SchemaName.of("tenant_elsewhere"), () -> provisioner.create(TenantRequest.subdomain("wrapped")
                .value("name", "Wrapped")));

        assertThat(fixture.tenants()).containsExactly("tenant_wrapped:ACTIVE");
        assertThat(fixture.string("SELECT count(*) FROM tenant_wrapped.roles")).isEqualTo("2");
    }

    @Test
    void withoutATemplateTheSchemaIsMigrated() {
        TenantProvisioner provisioner = fixture.provisioner().withoutTemplate().build();

        provisioner.create(TenantRequest.subdomain("migrated").value("name", "Migrated"));

        assertThat(fixture.string("SELECT details->>'source' FROM public.tenancy_audit "
                + "WHERE schema_name = 'tenant_migrated'")).isEqualTo("MIGRATIONS");
        assertThat(fixture.string("SELECT count(*) FROM tenant_migrated.flyway_schema_history WHERE success"))
                .isEqualTo("7");
    }
}
