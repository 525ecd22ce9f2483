package dev.tenancy.core;

import dev.tenancy.core.Tenants.TenantContextListener;
import java.util.Arrays;

/**
 * The registered {@link TenantContextListener}s, in an array replaced on every (rare) registration, so that telling
 * them on every change of tenant context takes one volatile read and, with none registered, nothing more.
 */
final class ContextListeners {

    private static final TenantContextListener[] NONE = new TenantContextListener[0];

    private static volatile TenantContextListener[] listeners = NONE;

    private ContextListeners() {
    }

    static synchronized void add(TenantContextListener listener) {
        TenantContextListener[] current = listeners;
        TenantContextListener[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = listener;
        listeners = grown;
    }

    static synchronized void remove(TenantContextListener listener) {
        TenantContextListener[] current = listeners;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == listener) {
                TenantContextListener[] shrunk = new TenantContextListener[current.length - 1];
                System.arraycopy(current, 0, shrunk, 0, i);
                System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                listeners = shrunk.length == 0 ? NONE : shrunk;
                return;
            }
        }
    }

    static void changed(SchemaName tenant) {
        for (TenantContextListener listener : listeners) {
            listener.contextChanged(tenant);
        }
    }
}
