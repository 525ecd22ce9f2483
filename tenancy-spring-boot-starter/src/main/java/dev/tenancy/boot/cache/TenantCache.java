package dev.tenancy.boot.cache;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import org.springframework.cache.Cache;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A {@link Cache} whose entries belong to the tenant that was current when they were written: every key is turned
 * into a {@link TenantCacheKey} of the current tenant (or public) before it reaches the cache behind, so a value
 * cached for one tenant is never found by another or by public code.
 *
 * <p>{@link #clear()} and {@link #invalidate()} remove only the current tenant's entries (or only public's) when the
 * cache behind keeps them in a {@code Map} or a Caffeine cache (Spring's simple and Caffeine caches). For any other
 * cache they clear every tenant's entries, which is safe (nothing leaks) but wider than asked; the cache manager
 * logs a warning for such a cache when it is first used.
 */
final class TenantCache implements Cache {

    private final Cache target;

    TenantCache(Cache target) {
        this.target = target;
    }

    Cache target() {
        return target;
    }

    @Override
    public String getName() {
        return target.getName();
    }

    @Override
    public Object getNativeCache() {
        return target.getNativeCache();
    }

    @Override
    public ValueWrapper get(Object key) {
        return target.get(tenantKey(key));
    }

    @Override
    public <T> T get(Object key, Class<T> type) {
        return target.get(tenantKey(key), type);
    }

    @Override
    public <T> T get(Object key, Callable<T> valueLoader) {
        return target.get(tenantKey(key), valueLoader);
    }

    @Override
    public CompletableFuture<?> retrieve(Object key) {
        return target.retrieve(tenantKey(key));
    }

    @Override
    public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
        return target.retrieve(tenantKey(key), valueLoader);
    }

    @Override
    public void put(Object key, Object value) {
        target.put(tenantKey(key), value);
    }

    @Override
    public ValueWrapper putIfAbsent(Object key, Object value) {
        return target.putIfAbsent(tenantKey(key), value);
    }

    @Override
    public void evict(Object key) {
        target.evict(tenantKey(key));
    }

    @Override
    public boolean evictIfPresent(Object key) {
        return target.evictIfPresent(tenantKey(key));
    }

    @Override
    public void clear() {
        if (!clearCurrentTenant()) {
            target.clear();
        }
    }

    @Override
    public boolean invalidate() {
        return clearCurrentTenant() || target.invalidate();
    }

    /** Whether the cache behind lets this cache remove one tenant's entries and leave the others. */
    boolean clearsOneTenant() {
        return entries() != null;
    }

    private boolean clearCurrentTenant() {
        Collection<Object> keys = entries();
        if (keys == null) {
            return false;
        }
        String owner = currentTenant();
        keys.removeIf(key -> key instanceof TenantCacheKey tenantKey && tenantKey.belongsTo(owner));
        return true;
    }

    private Collection<Object> entries() {
        Object cache = target.getNativeCache();
        if (cache instanceof Map<?, ?> map) {
            return keysOf(map);
        }
        return CaffeineEntries.keysOf(cache);
    }

    @SuppressWarnings("unchecked")
    static Collection<Object> keysOf(Map<?, ?> map) {
        return (Collection<Object>) map.keySet();
    }

    private static TenantCacheKey tenantKey(Object key) {
        return new TenantCacheKey(currentTenant(), key);
    }

    private static String currentTenant() {
        SchemaName tenant = Tenants.currentOrNull();
        return tenant == null ? null : tenant.value();
    }
}
