package dev.tenancy.core;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The tenant context: which tenant the running code works for.
 *
 * <p>Code runs "as tenant T" inside {@link #run(SchemaName, Block)} / {@link #call(SchemaName, Action)} or a
 * {@link TenantScope} opened with {@link #enter(SchemaName)}; afterwards the previous tenant (or none) is back, even
 * when the block throws. Scopes nest. Outside any tenant, code works "in public": database access through the
 * tenant-aware {@code DataSource} sees the shared schema only, never some other tenant.
 *
 * <p>The context belongs to the current thread. Hand it to other threads with {@link #wrap(Runnable)},
 * {@link #wrap(Callable)} or {@link #propagating(Executor)}.
 *
 * <p><b>No silent switch inside a transaction.</b> A transaction holds a connection opened for the tenant it began
 * in. Switching to another tenant (or to or from public) while a transaction is bound to the thread is refused with
 * a {@link TenantSwitchRefusedException}, as the {@linkplain #installTransactionGuard installed transaction guard}
 * reports it (the Spring Boot starter installs one). Work for another tenant belongs in a new transaction of its own: ask for that explicitly with
 * {@link #runForNewTransaction(SchemaName, Block)} / {@link #callForNewTransaction(SchemaName, Action)} and start the
 * new transaction inside (e.g. {@code REQUIRES_NEW}). Entering the tenant that is already current is never a switch.
 *
 * <p><b>Scopes can't leak.</b> Closing a scope that is not the innermost one throws, and still restores the context
 * that was current before that scope was opened; the scopes opened inside it are ended with it.
 */
public final class Tenants {

    private static final ThreadLocal<SchemaName> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<TenantScope> INNERMOST = new ThreadLocal<>();
    private static final BooleanSupplier NO_TRANSACTIONS = () -> false;
    private static volatile BooleanSupplier transactionActive = NO_TRANSACTIONS;

    private Tenants() {
    }

    /** A block of code that may throw {@code E}. */
    @FunctionalInterface
    public interface Block<E extends Exception> {
        /** Runs the block. */
        void run() throws E;
    }

    /** A computation that returns a value and may throw {@code E}. */
    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        /** Computes the value. */
        T call() throws E;
    }

    /** The current tenant's schema, or empty when the code runs in public. */
    public static Optional<SchemaName> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current tenant's schema, or {@code null} in public. For hot paths that must not allocate. */
    public static SchemaName currentOrNull() {
        return CURRENT.get();
    }

    /** The current tenant's schema; throws a clear {@link TenancyException} when the code runs in public. */
    public static SchemaName require() {
        SchemaName tenant = CURRENT.get();
        if (tenant == null) {
            throw new TenancyException("This code must run for a tenant, but no tenant is set. Wrap it in "
                    + "Tenants.run(schema, ...) or serve it from a tenant's host.");
        }
        return tenant;
    }

    /** Whether the code runs in public (no tenant set). */
    public static boolean inPublic() {
        return CURRENT.get() == null;
    }

    /** Runs {@code block} as {@code tenant}, then restores the previous context. */
    public static <E extends Exception> void run(SchemaName tenant, Block<E> block) throws E {
        try (TenantScope ignored = enter(tenant)) {
            block.run();
        }
    }

    /** Computes a value as {@code tenant}, then restores the previous context. */
    public static <T, E extends Exception> T call(SchemaName tenant, Action<T, E> action) throws E {
        try (TenantScope ignored = enter(tenant)) {
            return action.call();
        }
    }

    /**
     * Runs {@code block} as {@code tenant} although a transaction may be bound to the thread: the explicit way to
     * switch tenant inside a transaction. The caller promises that {@code block} starts a new transaction of its own
     * (e.g. a {@code TransactionTemplate} with propagation {@code REQUIRES_NEW}, or a
     * {@code @Transactional(propagation = REQUIRES_NEW)} method) before it touches data, so that the new transaction
     * opens its connection for {@code tenant}. Afterwards the previous context is back.
     */
    public static <E extends Exception> void runForNewTransaction(SchemaName tenant, Block<E> block) throws E {
        try (TenantScope ignored = open(Objects.requireNonNull(tenant, "tenant schema"), false)) {
            block.run();
        }
    }

    /** Computes a value as {@code tenant} in a new transaction; see {@link #runForNewTransaction}. */
    public static <T, E extends Exception> T callForNewTransaction(SchemaName tenant, Action<T, E> action) throws E {
        try (TenantScope ignored = open(Objects.requireNonNull(tenant, "tenant schema"), false)) {
            return action.call();
        }
    }

    /**
     * Installs the guard that tells whether an actual transaction (not merely a transaction-less synchronization scope)
     * is bound to the current thread, so that a tenant switch inside one is refused with a
     * {@link TenantSwitchRefusedException}. A transaction manager knows this, plain Java does not: without a guard, or
     * with {@code null}, no transaction is ever seen. The Spring Boot starter installs one that asks Spring's
     * transaction synchronization. It is asked on every tenant switch, from every thread, so it must be cheap and
     * thread-safe. Applies to every thread from now on.
     */
    public static void installTransactionGuard(BooleanSupplier transactionActive) {
        Tenants.transactionActive = transactionActive == null ? NO_TRANSACTIONS : transactionActive;
    }

    /** Runs {@code block} in public (no tenant), then restores the previous context. */
    public static <E extends Exception> void runInPublic(Block<E> block) throws E {
        try (TenantScope ignored = enterPublic()) {
            block.run();
        }
    }

    /** Computes a value in public (no tenant), then restores the previous context. */
    public static <T, E extends Exception> T callInPublic(Action<T, E> action) throws E {
        try (TenantScope ignored = enterPublic()) {
            return action.call();
        }
    }

    /**
     * Makes {@code tenant} current until the returned scope is closed; use it with try-with-resources. Scopes must
     * be closed innermost first, on the thread that opened them.
     *
     * @throws TenantSwitchRefusedException when {@code tenant} is not current and a transaction is active
     */
    public static TenantScope enter(SchemaName tenant) {
        return open(Objects.requireNonNull(tenant, "tenant schema"), true);
    }

    /**
     * Makes the code run in public until the returned scope is closed.
     *
     * @throws TenantSwitchRefusedException when a tenant is current and a transaction is active
     */
    public static TenantScope enterPublic() {
        return open(null, true);
    }

    private static TenantScope open(SchemaName tenant, boolean refuseInTransaction) {
        SchemaName current = CURRENT.get();
        if (refuseInTransaction && !Objects.equals(current, tenant) && transactionActive.getAsBoolean()) {
            throw new TenantSwitchRefusedException(current, tenant);
        }
        TenantScope scope = new TenantScope(Thread.currentThread(), CURRENT.get(), INNERMOST.get());
        CURRENT.set(tenant);
        INNERMOST.set(scope);
        ContextListeners.changed(tenant);
        return scope;
    }

    static void close(TenantScope scope) {
        TenantScope innermost = INNERMOST.get();
        if (innermost == scope) {
            restore(scope.previousTenant(), scope.outer());
            return;
        }
        if (!encloses(scope, innermost)) {
            throw new IllegalStateException("This tenant scope is not open on this thread; scopes must be closed "
                    + "innermost first, on the thread that opened them.");
        }
        for (TenantScope inner = innermost; inner != scope; inner = inner.outer()) {
            inner.end();
        }
        restore(scope.previousTenant(), scope.outer());
        throw new IllegalStateException("A tenant scope was closed while scopes opened inside it were still open; "
                + "they were ended with it, and the context from before it is back. Close scopes innermost first: "
                + "use try-with-resources or Tenants.run(...), and close every scope that Tenants.enter(...) "
                + "returns.");
    }

    private static boolean encloses(TenantScope outer, TenantScope from) {
        for (TenantScope scope = from; scope != null; scope = scope.outer()) {
            if (scope == outer) {
                return true;
            }
        }
        return false;
    }

    private static void restore(SchemaName tenant, TenantScope scope) {
        if (tenant == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(tenant);
        }
        if (scope == null) {
            INNERMOST.remove();
        } else {
            INNERMOST.set(scope);
        }
        ContextListeners.changed(tenant);
    }

    /** Returns a task that runs {@code task} with the tenant context that is current now. */
    public static Runnable wrap(Runnable task) {
        SchemaName captured = CURRENT.get();
        return () -> {
            try (TenantScope ignored = open(captured, true)) {
                task.run();
            }
        };
    }

    /** Returns a task that runs {@code task} with the tenant context that is current now. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        SchemaName captured = CURRENT.get();
        return () -> {
            try (TenantScope ignored = open(captured, true)) {
                return task.call();
            }
        };
    }

    /** An executor that runs each task with the tenant context of the thread that submitted it. */
    public static Executor propagating(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    /**
     * Told whenever a thread's tenant context changes: when a tenant or public scope opens, and when one closes and the
     * previous context is back, on the thread concerned, after the change. So a listener always knows the tenant the
     * thread now works for, e.g. to keep a logging context (SLF4J's MDC) in step with it; Tenancy's Spring Boot starter
     * does exactly that.
     *
     * <p>A listener runs on every change, including on hot paths: it must be quick, must not block, must not change the
     * tenant context itself, and should not throw (what it throws reaches the code that opened or closed the scope,
     * after the change).
     */
    @FunctionalInterface
    public interface TenantContextListener {

        /**
         * The thread's tenant context has changed.
         *
         * @param tenant the tenant the thread now works for, or {@code null} when it now works in public
         */
        void contextChanged(SchemaName tenant);

        /**
         * Starts telling {@code listener} about every thread's changes of tenant context, until the returned
         * registration is closed.
         */
        static Registration register(TenantContextListener listener) {
            ContextListeners.add(Objects.requireNonNull(listener, "listener"));
            return () -> ContextListeners.remove(listener);
        }

        /** A registered listener; closing it stops the listener being told (closing twice does nothing). */
        @FunctionalInterface
        interface Registration extends AutoCloseable {
            /** Stops the listener being told about changes. */
            @Override
            void close();
        }
    }
}
