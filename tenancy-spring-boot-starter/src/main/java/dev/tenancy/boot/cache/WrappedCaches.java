package dev.tenancy.boot.cache;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.cache.Cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link TenantCache}s made around one manager's or resolver's caches, one per cache name (made again only when
 * the cache behind the name changes), so that a cache operation allocates nothing and a cache that can only be
 * cleared whole is reported once.
 */
final class WrappedCaches {

    private static final Log log = LogFactory.getLog(WrappedCaches.class);

    private final Map<String, TenantCache> byName = new ConcurrentHashMap<>();

    TenantCache wrap(Cache cache) {
        if (cache instanceof TenantCache tenantCache) {
            return tenantCache;
        }
        TenantCache known = byName.get(cache.getName());
        if (known != null && known.target() == cache) {
            return known;
        }
        TenantCache wrapped = new TenantCache(cache);
        if (byName.put(cache.getName(), wrapped) == null && !wrapped.clearsOneTenant()) {
            log.warn("Cache '" + cache.getName() + "' (" + cache.getNativeCache().getClass().getName() + ") keeps "
                    + "its entries separated by tenant, but clearing it (@CacheEvict(allEntries = true), clear()) "
                    + "removes every tenant's entries: Tenancy clears one tenant's entries only in Spring's simple "
                    + "(ConcurrentMap) and Caffeine caches.");
        }
        return wrapped;
    }

    void forget() {
        byName.clear();
    }
}
