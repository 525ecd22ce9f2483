package dev.tenancy.boot.testapp;

import org.springframework.cache.Cache;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.interceptor.CacheResolver;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Caching as applications turn it on, plus an own key generator (the first argument only) and an own cache
 * resolver that builds its cache itself instead of asking a cache manager.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CachingConfiguration {

    @Bean
    KeyGenerator labelOnlyKeys() {
        return (target, method, params) -> "label-" + params[0];
    }

    @Bean
    CacheResolver ownCacheResolver() {
        Cache own = new ConcurrentMapCache("own");
        return context -> List.of(own);
    }
}
