package dev.tenancy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * The tenant context as code reads it and hands it on: the current tenant is what the innermost open scope says,
 * closing a scope twice changes nothing, and the explicit switch for a new transaction runs its work as the tenant.
 */
class TenantScopeTest {

    private static final SchemaName ACME = SchemaName.of("tenant_acme");
    private static final SchemaName GLOBEX = SchemaName.of("tenant_globex");

    @AfterEach
    void noTenantIsLeftOnTheThread() {
        assertThat(Tenants.currentOrNull()).isNull();
        Tenants.installTransactionGuard(null);
    }

    @Test
    void theCurrentTenantIsTheInnermostScopes() {
        try (TenantScope outer = Tenants.enter(ACME)) {
            assertThat(Tenants.current()).contains(ACME);
            assertThat(Tenants.currentOrNull()).isEqualTo(ACME);
            assertThat(Tenants.inPublic()).isFalse();
            try (TenantScope inner = Tenants.enter(GLOBEX)) {
                assertThat(Tenants.current()).contains(GLOBEX);
                try (TenantScope publicScope = Tenants.enterPublic()) {
                    assertThat(Tenants.current()).isEmpty();
                    assertThat(Tenants.inPublic()).isTrue();
                }
                assertThat(Tenants.require()).isEqualTo(GLOBEX);
            }
            assertThat(Tenants.require()).isEqualTo(ACME);
        }
        assertThat(Tenants.current()).isEmpty();
    }

    @Test
    void closingAScopeTwiceChangesNothing() {
        try (TenantScope outer = Tenants.enter(ACME)) {
            TenantScope inner = Tenants.enter(GLOBEX);
            inner.close();
            assertThat(Tenants.require()).isEqualTo(ACME);
            inner.close();
            assertThat(Tenants.require()).as("the second close neither throws nor restores again").isEqualTo(ACME);
            try (TenantScope again = Tenants.enter(GLOBEX)) {
                inner.close();
                assertThat(Tenants.require()).as("a stale scope cannot end a newer one").isEqualTo(GLOBEX);
            }
        }
    }

    @Test
    void theExplicitSwitchForANewTransactionRunsTheWorkAsTheTenantEvenInsideATransaction() {
        ThreadLocal<Boolean> transaction = ThreadLocal.withInitial(() -> false);
        Tenants.installTransactionGuard(transaction::get);
        List<SchemaName> ran = new ArrayList<>();
        try {
            Tenants.run(ACME, () -> {
                transaction.set(true);
                try {
                    Tenants.runForNewTransaction(GLOBEX, () -> ran.add(Tenants.require()));
                    assertThat(Tenants.require()).isEqualTo(ACME);
                    assertThatThrownBy(() -> Tenants.enter(GLOBEX)).isInstanceOf(TenantSwitchRefusedException.class);
                    assertThat(Tenants.require()).as("a refused switch changes nothing").isEqualTo(ACME);
                } finally {
                    transaction.set(false);
                }
            });
        } finally {
            transaction.remove();
        }
        assertThat(ran).containsExactly(GLOBEX);
        assertThatThrownBy(() -> Tenants.runForNewTransaction(null, () -> { }))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("tenant schema");
    }

    @Test
    void withoutAnInstalledGuardNoTransactionIsSeenAndEverySwitchIsAllowed() {
        Tenants.installTransactionGuard(() -> true);
        assertThatThrownBy(() -> Tenants.enter(ACME)).isInstanceOf(TenantSwitchRefusedException.class);
        Tenants.installTransactionGuard(null);
        assertThat(Tenants.call(ACME, () -> Tenants.call(GLOBEX, Tenants::require))).isEqualTo(GLOBEX);
        assertThat(Tenants.call(ACME, () -> Tenants.callInPublic(Tenants::inPublic))).isTrue();
        List<SchemaName> seenInPublic = new ArrayList<>();
        Tenants.run(ACME, () -> Tenants.runInPublic(() -> seenInPublic.add(Tenants.currentOrNull())));
        assertThat(seenInPublic).as("the block ran, in public").containsExactly((SchemaName) null);
    }
}
