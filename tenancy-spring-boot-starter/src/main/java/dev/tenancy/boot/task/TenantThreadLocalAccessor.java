package dev.tenancy.boot.task;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantScope;
import dev.tenancy.core.Tenants;

import io.micrometer.context.ThreadLocalAccessor;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The tenant context for Micrometer's context propagation, so that whatever uses it ({@code ContextSnapshot},
 * Reactor's automatic context propagation, Spring's {@code ContextPropagatingTaskDecorator}, observations) carries
 * the tenant to the thread that continues the work. Registered through {@code META-INF/services}; found by
 * {@code ContextRegistry.getInstance()}.
 *
 * <p>Setting a value opens a tenant scope (or a public one) and restoring closes it, so the thread gets back
 * exactly the context it had, never a tenant left over from the work it did.
 */
public final class TenantThreadLocalAccessor implements ThreadLocalAccessor<SchemaName> {

    /** The key of the tenant in a context snapshot. */
    public static final String KEY = "dev.tenancy.tenant";

    private static final ThreadLocal<Deque<TenantScope>> OPENED = ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public SchemaName getValue() {
        return Tenants.currentOrNull();
    }

    @Override
    public void setValue(SchemaName tenant) {
        OPENED.get().push(Tenants.enter(tenant));
    }

    @Override
    public void setValue() {
        OPENED.get().push(Tenants.enterPublic());
    }

    @Override
    public void restore(SchemaName previous) {
        closeLatest();
    }

    @Override
    public void restore() {
        closeLatest();
    }

    private static void closeLatest() {
        Deque<TenantScope> opened = OPENED.get();
        TenantScope scope = opened.poll();
        if (opened.isEmpty()) {
            OPENED.remove();
        }
        if (scope != null) {
            scope.close();
        }
    }
}
