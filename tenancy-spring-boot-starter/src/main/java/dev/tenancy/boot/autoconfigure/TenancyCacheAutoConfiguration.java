package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.cache.TenantCachePostProcessor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;

/**
 * Spring Cache keeps each tenant's entries apart: every {@code CacheManager} and {@code CacheResolver} bean is
 * wrapped so that cache keys carry the current tenant ({@code tenancy.cache.enabled=false} switches it off).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenancy.cache.enabled", matchIfMissing = true)
@ConditionalOnClass(CacheManager.class)
@EnableConfigurationProperties(TenancyCacheProperties.class)
public final class TenancyCacheAutoConfiguration {

    @Bean
    static TenantCachePostProcessor tenantCachePostProcessor() {
        return new TenantCachePostProcessor();
    }
}
