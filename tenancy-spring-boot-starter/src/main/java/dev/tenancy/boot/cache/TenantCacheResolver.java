package dev.tenancy.boot.cache;

import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheOperationInvocationContext;
import org.springframework.cache.interceptor.CacheResolver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A {@link CacheResolver} whose caches separate their entries by tenant, around an application's own resolver: the
 * caches it resolves are wrapped like a {@link TenantCacheManager}'s, even when the resolver builds them without a
 * cache manager. Tenancy puts one around every cache resolver bean.
 */
public final class TenantCacheResolver implements CacheResolver {

    private final CacheResolver target;
    private final WrappedCaches caches = new WrappedCaches();

    private TenantCacheResolver(CacheResolver target) {
        this.target = target;
    }

    /** A resolver separating the entries of {@code target}'s caches by tenant; never wraps twice. */
    public static CacheResolver separateTenants(CacheResolver target) {
        Objects.requireNonNull(target, "cache resolver");
        return target instanceof TenantCacheResolver ? target : new TenantCacheResolver(target);
    }

    @Override
    public Collection<? extends Cache> resolveCaches(CacheOperationInvocationContext<?> context) {
        Collection<? extends Cache> resolved = target.resolveCaches(context);
        List<Cache> wrapped = new ArrayList<>(resolved.size());
        for (Cache cache : resolved) {
            wrapped.add(caches.wrap(cache));
        }
        return wrapped;
    }
}
