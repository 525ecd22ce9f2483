package dev.tenancy.boot.cache;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheResolver;

/**
 * Puts a {@link TenantCacheManager} around every {@link CacheManager} bean and a {@link TenantCacheResolver} around
 * every {@link CacheResolver} bean, so that {@code @Cacheable}, {@code @CachePut} and {@code @CacheEvict} keep each
 * tenant's entries apart whatever key generator or resolver the application uses.
 */
public final class TenantCachePostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CacheManager manager) {
            return TenantCacheManager.separateTenants(manager);
        }
        if (bean instanceof CacheResolver resolver) {
            return TenantCacheResolver.separateTenants(resolver);
        }
        return bean;
    }
}
