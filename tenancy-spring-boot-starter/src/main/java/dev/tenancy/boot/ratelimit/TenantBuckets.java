package dev.tenancy.boot.ratelimit;

import dev.tenancy.boot.ratelimit.TenantRateLimits.Limit;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import java.util.Objects;
import java.util.function.Function;

/**
 * One Bucket4j token bucket per tenant and limit: kept in this instance's memory, in a Caffeine cache bounded to
 * {@code maxTenants} entries so that memory stays bounded however many tenants there are; or kept in a database
 * table through a Bucket4j {@link ProxyManager}, so that every instance draws on the same budget.
 */
final class TenantBuckets {

    /** A tenant's bucket for one limit (a tenant whose limit changes gets a fresh bucket). */
    record Key(long tenantId, Limit limit) {

        /** The bucket's id in a shared table, e.g. {@code 42/100/PT1S}. */
        String id() {
            return tenantId + "/" + limit.requests() + "/" + limit.per();
        }

        /** {@code requests} at once, refilled smoothly over {@code per}. */
        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()).build();
        }
    }

    private final Limit globalLimit;
    private final TenantRateLimits limits;
    private final Function<Key, Bucket> buckets;

    private TenantBuckets(Limit globalLimit, TenantRateLimits limits, Function<Key, Bucket> buckets) {
        this.globalLimit = Objects.requireNonNull(globalLimit, "globalLimit");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.buckets = buckets;
    }

    /** Buckets in this instance's memory, for at most {@code maxTenants} tenants (least recently used dropped). */
    static TenantBuckets inMemory(Limit globalLimit, TenantRateLimits limits, long maxTenants) {
        if (maxTenants < 1) {
            throw new IllegalArgumentException("tenancy.rate-limit.max-tenants must be at least 1, not " + maxTenants);
        }
        Cache<Key, Bucket> cache = Caffeine.newBuilder().maximumSize(maxTenants).build();
        return new TenantBuckets(globalLimit, limits,
                key -> cache.get(key, absent -> Bucket.builder().addLimit(absent.bandwidth()).build()));
    }

    /** Buckets kept by {@code proxies} (e.g. in PostgreSQL), shared by every instance using the same store. */
    static TenantBuckets shared(Limit globalLimit, TenantRateLimits limits, ProxyManager<String> proxies) {
        Objects.requireNonNull(proxies, "proxies");
        return new TenantBuckets(globalLimit, limits,
                key -> proxies.builder().build(key.id(),
                        () -> BucketConfiguration.builder().addLimit(key.bandwidth()).build()));
    }

    /** Takes one request from {@code tenant}'s bucket. */
    ConsumptionProbe take(TenantRecord tenant) {
        Limit limit = limits.limitFor(tenant).orElse(globalLimit);
        return buckets.apply(new Key(tenant.id(), limit)).tryConsumeAndReturnRemaining(1);
    }
}
