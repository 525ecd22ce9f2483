package dev.tenancy.boot.metrics;

import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantListener;

import io.micrometer.core.instrument.Tags;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times tenant creations (clones included) as {@code tenancy.provisioning}, tagged {@code outcome=created} or
 * {@code outcome=failed}, from the provisioner's first listener call to its last.
 */
final class ProvisioningMetrics implements TenantListener {

    private final TenancyMeters meters;
    private final Map<Long, Long> started = new ConcurrentHashMap<>();

    ProvisioningMetrics(TenancyMeters meters) {
        this.meters = meters;
    }

    @Override
    public void beforeCreate(TenantInfo tenant) {
        started.put(tenant.id(), System.nanoTime());
    }

    @Override
    public void afterCreate(TenantInfo tenant) {
        record(tenant, "created");
    }

    @Override
    public void createFailed(TenantInfo tenant, Exception cause) {
        record(tenant, "failed");
    }

    private void record(TenantInfo tenant, String outcome) {
        Long start = started.remove(tenant.id());
        if (start != null) {
            meters.time(TenancyMeters.PROVISIONING, Tags.of("outcome", outcome), tenant.schema().value(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
