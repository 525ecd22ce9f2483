package dev.tenancy.boot.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tenancy.boot.ratelimit.TenantRateLimits.Limit;
import dev.tenancy.core.directory.TenantRecord;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.util.Objects;

/**
 * One Bucket4j token bucket per tenant and limit, in a Caffeine cache bounded to {@code maxTenants} entries so that
 * memory stays bounded however many tenants there are.
 */
final class TenantBuckets {

    private record Key(long tenantId, Limit limit) {
    }

    private final Cache<Key, Bucket> buckets;
    private final Limit globalLimit;
    private final TenantRateLimits limits;

    TenantBuckets(Limit globalLimit, TenantRateLimits limits, long maxTenants) {
        if (maxTenants < 1) {
            throw new IllegalArgumentException("tenancy.rate-limit.max-tenants must be at least 1, not " + maxTenants);
        }
        this.globalLimit = Objects.requireNonNull(globalLimit, "globalLimit");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.buckets = Caffeine.newBuilder().maximumSize(maxTenants).build();
    }

    /** Takes one request from {@code tenant}'s bucket. */
    ConsumptionProbe take(TenantRecord tenant) {
        Limit limit = limits.limitFor(tenant).orElse(globalLimit);
        return buckets.get(new Key(tenant.id(), limit), key -> bucket(key.limit())).tryConsumeAndReturnRemaining(1);
    }

    private static Bucket bucket(Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                .build();
    }
}
