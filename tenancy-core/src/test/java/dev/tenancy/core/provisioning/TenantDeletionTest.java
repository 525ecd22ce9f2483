package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.TenantNotFoundException;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.model.TenantMixin.TenantStatus;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

@ExtendWith(TestDatabaseExtension.class)
class TenantDeletionTest {

    private static final SchemaName ACME = SchemaName.of("tenant_acme");

    private static ProvisioningFixture fixture;
    private final List<String> heard = new ArrayList<>();
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
    void oneTenant() {
        fixture.reset();
        fixture.sql("DROP VIEW IF EXISTS public.acme_users; DROP SCHEMA IF EXISTS tenant_stray");
        directory = TenantDirectory.builder(fixture.pool()).build();
        provisioner = fixture.provisioner().directory(directory).listener(new TenantListener() {
            @Override
            public void beforeDelete(TenantInfo tenant, boolean dropsSchema) {
                heard.add("beforeDelete " + tenant.schema() + " drops=" + dropsSchema + " schemaThere="
                        + fixture.schemaExists(tenant.schema().value()));
            }

            @Override
            public void afterDelete(TenantInfo tenant, boolean schemaDropped) {
                heard.add("afterDelete " + tenant.primaryDomain() + " dropped=" + schemaDropped);
            }
        }).build();
        provisioner.create(TenantRequest.subdomain("acme").value("name", "Acme"));
        assertThat(directory.resolve("acme.localhost")).isPresent();
    }

    @Test
    void deletingDeactivatesByDefaultAndKeepsTheSchemaAndRows() {
        assertThat(provisioner.delete(ACME, "alice")).isFalse();

        assertThat(fixture.tenants()).containsExactly("tenant_acme:INACTIVE");
        assertThat(fixture.domains()).containsExactly("acme.localhost:tenant_acme:true");
        assertThat(fixture.schemaExists("tenant_acme")).isTrue();
        assertThat(directory.resolve("acme.localhost")).hasValueSatisfying(tenant ->
                assertThat(tenant.status()).isEqualTo(TenantStatus.INACTIVE));
        assertThat(heard).containsExactly("beforeDelete tenant_acme drops=false schemaThere=true",
                "afterDelete acme.localhost dropped=false");
        assertThat(fixture.audit()).last().isEqualTo("DEACTIVATE:tenant_acme:SUCCESS");
    }

    @Test
    void aTenantMarkedAutoDropLosesItsSchemaAndRowsAfterThePreDropHook() {
        provisioner.create(TenantRequest.subdomain("temp").value("name", "Temp").autoDropSchema(true));

        assertThat(provisioner.delete(SchemaName.of("tenant_temp"), "alice")).isTrue();

        assertThat(fixture.tenants()).containsExactly("tenant_acme:ACTIVE");
        assertThat(fixture.schemaExists("tenant_temp")).isFalse();
        assertThat(heard).containsExactly("beforeDelete tenant_temp drops=true schemaThere=true",
                "afterDelete temp.localhost dropped=true");
        assertThat(fixture.audit()).last().isEqualTo("DROP:tenant_temp:SUCCESS");
    }

    @Test
    void theCallerCanForceTheDrop() {
        provisioner.deleteAndDropSchema(ACME, "alice");

        assertThat(fixture.tenants()).isEmpty();
        assertThat(fixture.domains()).isEmpty();
        assertThat(fixture.schemaExists("tenant_acme")).isFalse();
        assertThat(directory.resolve("acme.localhost")).isEmpty();
    }

    @Test
    void aListenerCanCancelADeletion() {
        TenantProvisioner guarded = fixture.provisioner().listener(new TenantListener() {
            @Override
            public void beforeDelete(TenantInfo tenant, boolean dropsSchema) throws Exception {
                throw new IOException("the backup failed");
            }
        }).build();

        assertThatThrownBy(() -> guarded.deleteAndDropSchema(ACME, "alice")).isInstanceOf(TenancyException.class)
                .hasMessageContaining("the backup failed").hasMessageContaining("nothing was changed");

        assertThat(fixture.tenants()).containsExactly("tenant_acme:ACTIVE");
        assertThat(fixture.schemaExists("tenant_acme")).isTrue();
        assertThat(fixture.audit()).last().isEqualTo("DROP:tenant_acme:FAILURE");
    }

    @Test
    void droppingTheSchemaRemovesItsMigrationLedgerRowToo() {
        String ledgerRows = "SELECT count(*) FROM public.tenancy_schema_versions WHERE schema_name = 'tenant_acme'";
        assertThat(fixture.string(ledgerRows)).isEqualTo("1");

        provisioner.deleteAndDropSchema(ACME, "alice");

        assertThat(fixture.string(ledgerRows)).isEqualTo("0");
    }

    @Test
    void aSchemaThatObjectsOutsideItDependOnIsNeverDropped() {
        fixture.sql("CREATE VIEW public.acme_users AS SELECT email FROM tenant_acme.users");

        assertThatThrownBy(() -> provisioner.deleteAndDropSchema(ACME, "alice"))
                .isInstanceOf(TenancyException.class).hasMessageContaining("on public.acme_users");

        assertThat(fixture.tenants()).containsExactly("tenant_acme:ACTIVE");
        assertThat(fixture.schemaExists("tenant_acme")).isTrue();
        assertThat(fixture.string("SELECT count(*) FROM public.acme_users")).isEqualTo("0");
    }

    @Test
    void aSchemaNoTenantOwnsIsNeverDropped() throws Exception {
        fixture.sql("CREATE SCHEMA tenant_stray");
        long acmeId = Long.parseLong(fixture.string("SELECT id FROM public.tenants"));

        assertThatThrownBy(() -> provisioner.deleteAndDropSchema(SchemaName.of("tenant_stray"), "alice"))
                .isInstanceOf(TenantNotFoundException.class);
        try (Connection connection = fixture.pool().getConnection()) {
            assertThatThrownBy(() -> SchemaDrops.dropOwned(connection, new TenantRows(TenantTables.defaults()),
                    acmeId, SchemaName.of("tenant_stray"))).isInstanceOf(TenancyException.class)
                    .hasMessageContaining("no tenant row (id " + acmeId + ") owns it");
        }

        assertThat(fixture.schemaExists("tenant_stray")).isTrue();
    }

    @Test
    void publicAndSystemSchemasCannotEvenBeNamed() {
        assertThatThrownBy(() -> provisioner.deleteAndDropSchema(SchemaName.of("public"), "alice"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> provisioner.deleteAndDropSchema(SchemaName.of("pg_toast"), "alice"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(fixture.schemaExists("public")).isTrue();
    }

    @Test
    void anUnknownTenantIsReported() {
        assertThatThrownBy(() -> provisioner.delete(SchemaName.of("tenant_nobody"), "alice"))
                .isInstanceOf(TenantNotFoundException.class).hasMessageContaining("tenant_nobody");
    }

    @Test
    void aTenantBeingCreatedCannotBeDeleted() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<TenantInfo> creation = CompletableFuture.supplyAsync(() -> provisioner.create(
                TenantRequest.subdomain("slow").value("name", "Slow").setUp(tenant -> {
                    inside.countDown();
                    release.await();
                })));
        inside.await();

        assertThatThrownBy(() -> provisioner.deleteAndDropSchema(SchemaName.of("tenant_slow"), "alice"))
                .isInstanceOf(TenantConflictException.class);

        release.countDown();
        creation.get();
        assertThat(fixture.tenants()).containsExactly("tenant_acme:ACTIVE", "tenant_slow:ACTIVE");
    }
}
