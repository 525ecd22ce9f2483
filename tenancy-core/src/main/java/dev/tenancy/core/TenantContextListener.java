package dev.tenancy.core;

import java.util.Objects;

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
