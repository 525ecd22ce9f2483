package dev.tenancy.boot.ratelimit;

import dev.tenancy.core.directory.TenantDirectory.TenantRecord;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses each tenant's rate limit, for example from the tenant's plan. An application declares one bean of this
 * type to override the global limit ({@code tenancy.rate-limit.requests} per {@code tenancy.rate-limit.per}) for
 * some or all tenants; tenants for which it answers empty get the global limit.
 *
 * <p>It is asked on every limited request, so it should answer from memory (or from a cache), not from the
 * database. A tenant whose answer changes gets a fresh bucket with the new limit.
 */
@FunctionalInterface
public interface TenantRateLimits {

    /** The limit of {@code tenant}; empty for the global limit. */
    Optional<Limit> limitFor(TenantRecord tenant);

    /**
     * At most {@code requests} requests in every {@code per}, refilled smoothly over the interval.
     *
     * @param requests how many requests the tenant may make in one interval; at least 1
     * @param per the interval; positive
     */
    record Limit(long requests, Duration per) {

        /** Refuses a limit that would let no request through. */
        public Limit {
            Objects.requireNonNull(per, "per");
            if (requests < 1) {
                throw new IllegalArgumentException("A rate limit allows at least 1 request, not " + requests
                        + ": to stop a tenant's requests, deactivate the tenant instead");
            }
            if (per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("A rate limit's interval must be positive, not " + per);
            }
        }
    }
}
