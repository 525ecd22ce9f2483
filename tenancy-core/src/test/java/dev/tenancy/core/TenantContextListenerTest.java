package dev.tenancy.core;

import dev.tenancy.core.Tenants.TenantContextListener;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** Listeners hear every change of the tenant context, on the thread concerned, until they are unregistered. */
class TenantContextListenerTest {

    private static final SchemaName ALPHA = SchemaName.of("tenant_alpha");
    private static final SchemaName BETA = SchemaName.of("tenant_beta");

    @Test
    void aListenerHearsEveryEnterAndEveryRestoreWithTheTenantNowCurrent() {
        List<String> heard = new ArrayList<>();
        Thread thread = Thread.currentThread();
        TenantContextListener listener = tenant -> {
            if (Thread.currentThread() == thread) {
                heard.add(tenant == null ? "public" : tenant.value());
            }
        };
        try (TenantContextListener.Registration ignored = TenantContextListener.register(listener)) {
            Tenants.run(ALPHA, () -> {
                Tenants.run(BETA, () -> Tenants.runInPublic(() -> { }));
            });
        }
        Tenants.run(ALPHA, () -> { });

        assertThat(heard).containsExactly("tenant_alpha", "tenant_beta", "public", "tenant_beta", "tenant_alpha",
                "public");
    }

    @Test
    void aWrappedTaskTellsTheListenerOnTheThreadThatRunsIt() throws Exception {
        List<String> heard = new ArrayList<>();
        TenantContextListener listener = tenant -> heard.add(Thread.currentThread().getName() + ":"
                + (tenant == null ? "public" : tenant.value()));
        Runnable task = Tenants.call(ALPHA, () -> Tenants.wrap(() -> { }));
        try (TenantContextListener.Registration ignored = TenantContextListener.register(listener)) {
            Thread worker = new Thread(task, "worker");
            worker.start();
            worker.join();
        }

        assertThat(heard).containsExactly("worker:tenant_alpha", "worker:public");
    }
}
