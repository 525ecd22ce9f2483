package dev.tenancy.boot.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;

import java.util.Collection;

/**
 * The key view of a Caffeine cache, synchronous or asynchronous, or {@code null} for anything else. Caffeine is
 * always on the classpath: Tenancy's core uses it for its tenant directory.
 */
final class CaffeineEntries {

    private CaffeineEntries() {
    }

    static Collection<Object> keysOf(Object nativeCache) {
        if (nativeCache instanceof Cache<?, ?> cache) {
            return TenantCache.keysOf(cache.asMap());
        }
        if (nativeCache instanceof AsyncCache<?, ?> cache) {
            return TenantCache.keysOf(cache.asMap());
        }
        return null;
    }
}
