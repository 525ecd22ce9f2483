package dev.tenancy.core;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

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
 */
public final class Tenants {

    private static final ThreadLocal<SchemaName> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<TenantScope> INNERMOST = new ThreadLocal<>();

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
     */
    public static TenantScope enter(SchemaName tenant) {
        return open(Objects.requireNonNull(tenant, "tenant schema"));
    }

    /** Makes the code run in public until the returned scope is closed. */
    public static TenantScope enterPublic() {
        return open(null);
    }

    private static TenantScope open(SchemaName tenant) {
        TenantScope scope = new TenantScope(Thread.currentThread(), CURRENT.get(), INNERMOST.get());
        CURRENT.set(tenant);
        INNERMOST.set(scope);
        ContextListeners.changed(tenant);
        return scope;
    }

    static void close(TenantScope scope) {
        if (INNERMOST.get() != scope) {
            throw new IllegalStateException("Tenant scopes must be closed innermost first, on the thread that "
                    + "opened them; use try-with-resources or Tenants.run(...).");
        }
        restore(scope.previousTenant(), scope.outer());
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
            try (TenantScope ignored = open(captured)) {
                task.run();
            }
        };
    }

    /** Returns a task that runs {@code task} with the tenant context that is current now. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        SchemaName captured = CURRENT.get();
        return () -> {
            try (TenantScope ignored = open(captured)) {
                return task.call();
            }
        };
    }

    /** An executor that runs each task with the tenant context of the thread that submitted it. */
    public static Executor propagating(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }
}
