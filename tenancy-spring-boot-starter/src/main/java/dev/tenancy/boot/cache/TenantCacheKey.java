package dev.tenancy.boot.cache;

import java.io.Serializable;
import java.util.Objects;

/**
 * A cache key with the tenant it belongs to: {@code tenant} is the schema name, or {@code null} for public. Two keys
 * are equal only when both the tenant and the application's key are, so the same key cached for two tenants (or for
 * a tenant and public) names two entries. {@link #toString()} is unambiguous too ({@code t:<schema>:<key>} or
 * {@code p:<key>}; schema names have no colon), for caches that store keys as strings, such as Redis.
 */
record TenantCacheKey(String tenant, Object key) implements Serializable {

    TenantCacheKey {
        Objects.requireNonNull(key, "key");
    }

    boolean belongsTo(String owner) {
        return Objects.equals(tenant, owner);
    }

    @Override
    public String toString() {
        return tenant == null ? "p:" + key : "t:" + tenant + ":" + key;
    }
}
