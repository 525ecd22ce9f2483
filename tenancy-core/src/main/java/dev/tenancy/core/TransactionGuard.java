package dev.tenancy.core;

/**
 * Tells {@link Tenants} whether a transaction is bound to the current thread, so that switching tenant inside one is
 * refused with a {@link TenantSwitchRefusedException} instead of silently keeping (or silently changing) the
 * transaction's connection. A transaction manager knows this; plain core does not, so by default ({@link #NONE}) no
 * transaction is ever seen. The Spring Boot starter installs one that asks Spring's transaction synchronization.
 *
 * <p>Install it once with {@link Tenants#installTransactionGuard(TransactionGuard)}; it is asked on every tenant
 * switch, so it must be cheap and thread-safe.
 */
@FunctionalInterface
public interface TransactionGuard {

    /** The guard of plain Java code: no transaction is ever bound to a thread. */
    TransactionGuard NONE = () -> false;

    /** Whether an actual transaction (not merely a transaction-less synchronization scope) is bound to this thread. */
    boolean transactionActive();
}
