package dev.tenancy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantsTest {

    private static final SchemaName ACME = SchemaName.of("tenant_acme");
    private static final SchemaName GLOBEX = SchemaName.of("tenant_globex");

    @AfterEach
    void contextIsClearAfterEveryTest() {
        assertThat(Tenants.current()).isEmpty();
    }

    @Test
    void codeOutsideAnyTenantRunsInPublic() {
        assertThat(Tenants.inPublic()).isTrue();
        assertThat(Tenants.currentOrNull()).isNull();
        assertThatThrownBy(Tenants::require).isInstanceOf(TenancyException.class).hasMessageContaining("no tenant");
    }

    @Test
    void runSetsTheTenantAndRestoresThePreviousOne() {
        Tenants.run(ACME, () -> {
            assertThat(Tenants.require()).isEqualTo(ACME);
            Tenants.run(GLOBEX, () -> assertThat(Tenants.require()).isEqualTo(GLOBEX));
            assertThat(Tenants.require()).isEqualTo(ACME);
            Tenants.runInPublic(() -> assertThat(Tenants.inPublic()).isTrue());
            assertThat(Tenants.require()).isEqualTo(ACME);
        });
        assertThat(Tenants.inPublic()).isTrue();
    }

    @Test
    void callReturnsTheValueComputedForTheTenant() {
        assertThat(Tenants.call(ACME, () -> Tenants.require().value())).isEqualTo("tenant_acme");
        assertThat(Tenants.call(ACME, () -> Tenants.callInPublic(Tenants::inPublic))).isTrue();
    }

    @Test
    void theContextIsRestoredWhenTheBlockThrows() {
        assertThatThrownBy(() -> Tenants.run(ACME, () -> {
            Tenants.run(GLOBEX, () -> {
                throw new IOException("boom");
            });
        })).isInstanceOf(IOException.class);
        assertThat(Tenants.inPublic()).isTrue();
    }

    @Test
    void closingAnOuterScopeFirstThrowsAndLeavesNoInnerTenantBehind() {
        TenantScope outer = Tenants.enter(ACME);
        TenantScope middle = Tenants.enter(GLOBEX);
        Tenants.enter(ACME);
        assertThatThrownBy(middle::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("innermost first");
        assertThat(Tenants.require()).as("the context from before the closed scope").isEqualTo(ACME);
        outer.close();
        assertThat(Tenants.inPublic()).isTrue();
    }

    @Test
    void scopesEndedByAnOuterCloseDoNothingWhenClosedLater() {
        TenantScope outer = Tenants.enter(ACME);
        TenantScope leaked = Tenants.enter(GLOBEX);
        assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class);
        assertThat(Tenants.inPublic()).isTrue();
        leaked.close();
        assertThat(Tenants.inPublic()).as("a late close cannot bring ACME back").isTrue();
    }

    @Test
    void switchingTenantWhileATransactionIsActiveIsRefused() {
        ThreadLocal<Boolean> transaction = ThreadLocal.withInitial(() -> false);
        Tenants.installTransactionGuard(transaction::get);
        try {
            Tenants.run(ACME, () -> {
                transaction.set(true);
                try {
                    assertThatThrownBy(() -> Tenants.run(GLOBEX, () -> { }))
                            .isInstanceOf(TenantSwitchRefusedException.class)
                            .hasMessageContaining("tenant 'tenant_acme' to tenant 'tenant_globex'")
                            .hasMessageContaining("REQUIRES_NEW");
                    assertThatThrownBy(() -> Tenants.runInPublic(() -> { }))
                            .isInstanceOf(TenantSwitchRefusedException.class).hasMessageContaining("to public");
                    assertThat(Tenants.call(ACME, Tenants::require)).as("staying is no switch").isEqualTo(ACME);
                    assertThat(Tenants.callForNewTransaction(GLOBEX, Tenants::require)).isEqualTo(GLOBEX);
                    assertThat(Tenants.require()).isEqualTo(ACME);
                } finally {
                    transaction.set(false);
                }
            });
            transaction.set(true);
            assertThatThrownBy(() -> Tenants.enter(ACME)).isInstanceOf(TenantSwitchRefusedException.class)
                    .hasMessageContaining("from public to tenant 'tenant_acme'");
        } finally {
            transaction.remove();
            Tenants.installTransactionGuard(null);
        }
    }

    @Test
    void aScopeCannotBeClosedOnAnotherThread() throws Exception {
        try (TenantScope scope = Tenants.enter(ACME)) {
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                try {
                    scope.close();
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            });
            assertThat(failure.get(10, TimeUnit.SECONDS)).hasMessageContaining("thread that opened it");
            assertThat(Tenants.require()).isEqualTo(ACME);
        }
    }

    @Test
    void otherThreadsDoNotInheritTheTenantUnlessItIsHandedOver() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Tenants.run(ACME, () -> {
                assertThat(executor.submit(Tenants::currentOrNull).get()).isNull();
                assertThat(executor.submit(Tenants.wrap(Tenants::currentOrNull)).get()).isEqualTo(ACME);
                CompletableFuture<SchemaName> handed = new CompletableFuture<>();
                Tenants.propagating(executor).execute(() -> handed.complete(Tenants.currentOrNull()));
                assertThat(handed.get(10, TimeUnit.SECONDS)).isEqualTo(ACME);
            });
            Future<SchemaName> afterwards = executor.submit(Tenants::currentOrNull);
            assertThat(afterwards.get()).as("the worker thread is left clean").isNull();
        } finally {
            executor.shutdownNow();
        }
    }
}
