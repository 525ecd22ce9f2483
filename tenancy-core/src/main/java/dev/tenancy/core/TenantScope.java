package dev.tenancy.core;

/**
 * A tenant context opened by {@link Tenants#enter(SchemaName)} or {@link Tenants#enterPublic()}; closing it restores
 * the context that was current before. Close it exactly once, innermost first, on the opening thread.
 */
public final class TenantScope implements AutoCloseable {

    private final Thread owner;
    private final SchemaName previousTenant;
    private final TenantScope outer;
    private boolean closed;

    TenantScope(Thread owner, SchemaName previousTenant, TenantScope outer) {
        this.owner = owner;
        this.previousTenant = previousTenant;
        this.outer = outer;
    }

    SchemaName previousTenant() {
        return previousTenant;
    }

    TenantScope outer() {
        return outer;
    }

    /** Marks the scope closed because a scope around it was closed first. */
    void end() {
        closed = true;
    }

    /**
     * Restores the previous tenant context. Closing twice does nothing; closing on another thread throws. Closing a
     * scope while scopes opened inside it are still open throws too, but only after ending those and restoring the
     * context from before this scope, so no tenant outlives it.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("A tenant scope must be closed on the thread that opened it ("
                    + owner.getName() + ").");
        }
        closed = true;
        Tenants.close(this);
    }
}
