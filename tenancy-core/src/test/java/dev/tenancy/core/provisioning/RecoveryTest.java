package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** Creations cut short by a crash are found and removed; creations still running are left alone. */
@ExtendWith(TestDatabaseExtension.class)
class RecoveryTest {

    private static ProvisioningFixture fixture;
    private static TenantProvisioner provisioner;

    @BeforeAll
    static void database(TestDatabase database) {
        fixture = new ProvisioningFixture(database, 6);
        provisioner = fixture.provisioner().build();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void noTenants() {
        fixture.reset();
    }

    /** Ends the database session holding the creation lock of {@code schema}, as a dying process would. */
    private static void killTheSessionCreating(String schema) {
        fixture.sql("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 "
                + "AND ((classid::bigint << 32) | objid::bigint) = "
                + "hashtextextended('tenancy.tenant:" + schema + "', 0)");
    }

    @Test
    void aCreationWhoseProcessDiedIsRemovedAndCanBeCreatedAgain() {
        assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("crash").value("name", "Crash")
                .setUp(tenant -> {
                    killTheSessionCreating("tenant_crash");
                    throw new IllegalStateException("the process dies here");
                })))
                .isInstanceOf(TenancyException.class).hasMessageContaining("recoverInterrupted()");
        assertThat(fixture.tenants()).containsExactly("tenant_crash:PROVISIONING");
        assertThat(fixture.schemas()).containsExactly("tenant_crash");
        assertThat(fixture.ledger()).containsExactly("tenant_crash");

        assertThat(provisioner.recoverInterrupted()).containsExactly(SchemaName.of("tenant_crash"));

        assertThat(fixture.tenants()).isEmpty();
        assertThat(fixture.domains()).isEmpty();
        assertThat(fixture.schemas()).isEmpty();
        assertThat(fixture.ledger()).isEmpty();
        assertThat(fixture.audit()).last().isEqualTo("RECOVER:tenant_crash:SUCCESS");
        provisioner.create(TenantRequest.subdomain("crash").value("name", "Crash"));
        assertThat(fixture.tenants()).containsExactly("tenant_crash:ACTIVE");
    }

    @Test
    void aCreationStillRunningIsLeftAlone() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<TenantInfo> creation = CompletableFuture.supplyAsync(() -> provisioner.create(
                TenantRequest.subdomain("slow").value("name", "Slow").setUp(tenant -> {
                    inside.countDown();
                    release.await();
                })));
        inside.await();

        assertThat(provisioner.recoverInterrupted()).isEmpty();
        assertThat(fixture.tenants()).containsExactly("tenant_slow:PROVISIONING");

        release.countDown();
        creation.get();
        assertThat(fixture.tenants()).containsExactly("tenant_slow:ACTIVE");
        assertThat(fixture.ledger()).isEmpty();
    }

    @Test
    void tenantsTheApplicationWroteItselfAreNotMistakenForLeftovers() {
        fixture.sql("INSERT INTO public.tenants (schema_name, status, name) "
                + "VALUES ('tenant_own', 'PROVISIONING', 'O')");

        assertThat(provisioner.recoverInterrupted()).isEmpty();

        assertThat(fixture.tenants()).containsExactly("tenant_own:PROVISIONING");
    }
}
