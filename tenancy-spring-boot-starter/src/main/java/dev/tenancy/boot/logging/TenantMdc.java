package dev.tenancy.boot.logging;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants.TenantContextListener;

import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Keeps the tenant in SLF4J's MDC in step with the tenant context: whenever a thread enters a tenant (a request,
 * an async task, a command, a migration worker) the MDC key holds the tenant's schema name, and when it goes back to
 * public the key is removed, so no log line carries a tenant it does not work for. Listens from start-up to
 * shutdown of the application context.
 */
public final class TenantMdc implements TenantContextListener, InitializingBean, DisposableBean {

    private final String key;
    private TenantContextListener.Registration registration;

    /** Writes the tenant under {@code key}. */
    public TenantMdc(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("tenancy.logging.mdc-key must not be blank; leave it unset for "
                    + "the default 'tenant'.");
        }
        this.key = key;
    }

    /** The MDC key the tenant is written under. */
    public String key() {
        return key;
    }

    @Override
    public void contextChanged(SchemaName tenant) {
        if (tenant == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, tenant.value());
        }
    }

    @Override
    public void afterPropertiesSet() {
        registration = TenantContextListener.register(this);
    }

    @Override
    public void destroy() {
        if (registration != null) {
            registration.close();
        }
    }
}
