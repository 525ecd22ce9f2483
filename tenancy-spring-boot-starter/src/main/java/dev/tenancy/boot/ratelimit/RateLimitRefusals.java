package dev.tenancy.boot.ratelimit;

import dev.tenancy.core.directory.TenantDirectory.TenantRecord;

/** Told of each request the rate limit refused, e.g. to count them. */
@FunctionalInterface
interface RateLimitRefusals {

    /** Records nothing. */
    RateLimitRefusals NONE = tenant -> { };

    void refused(TenantRecord tenant);
}
