package dev.tenancy.boot.cache;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

import java.util.Collection;
import java.util.Objects;

/**
 * A {@link CacheManager} whose caches separate their entries by tenant (see {@link TenantCache}): the application's
 * cache manager keeps storing the entries, under keys that carry the tenant. Tenancy puts one around every cache
 * manager bean; use {@link #separateTenants(CacheManager)} for one the application builds outside the context.
 */
public final class TenantCacheManager implements CacheManager {

    private final CacheManager target;
    private final WrappedCaches caches = new WrappedCaches();

    private TenantCacheManager(CacheManager target) {
        this.target = target;
    }

    /** A cache manager separating the entries of {@code target}'s caches by tenant; never wraps twice. */
    public static CacheManager separateTenants(CacheManager target) {
        Objects.requireNonNull(target, "cache manager");
        return target instanceof TenantCacheManager ? target : new TenantCacheManager(target);
    }

    /** The application's cache manager, which stores the entries. */
    public CacheManager target() {
        return target;
    }

    @Override
    public Cache getCache(String name) {
        Cache cache = target.getCache(name);
        return cache == null ? null : caches.wrap(cache);
    }

    @Override
    public Collection<String> getCacheNames() {
        return target.getCacheNames();
    }

    @Override
    public void resetCaches() {
        target.resetCaches();
        caches.forget();
    }
}
