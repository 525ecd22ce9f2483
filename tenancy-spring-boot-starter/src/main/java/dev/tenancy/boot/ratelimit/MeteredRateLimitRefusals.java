package dev.tenancy.boot.ratelimit;

import dev.tenancy.core.directory.TenantDirectory.TenantRecord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Objects;

/**
 * Counts refusals in Micrometer as {@code tenancy.rate-limit.refusals}, tagged with the tenant's schema only when
 * {@code tenancy.metrics.tenant-tag} is on (so 10,000 tenants do not make 10,000 series by default).
 */
final class MeteredRateLimitRefusals implements RateLimitRefusals {

    static final String REFUSALS = "tenancy.rate-limit.refusals";

    private final MeterRegistry registry;
    private final boolean tenantTag;

    MeteredRateLimitRefusals(MeterRegistry registry, boolean tenantTag) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tenantTag = tenantTag;
    }

    @Override
    public void refused(TenantRecord tenant) {
        Counter.Builder counter = Counter.builder(REFUSALS)
                .description("Tenant requests refused by the per-tenant rate limit");
        if (tenantTag) {
            counter.tag("tenant", tenant.schema().value());
        }
        counter.register(registry).increment();
    }
}
