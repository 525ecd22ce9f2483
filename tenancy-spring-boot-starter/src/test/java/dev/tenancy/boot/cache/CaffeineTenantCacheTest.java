package dev.tenancy.boot.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.Test;
import org.springframework.cache.caffeine.CaffeineCacheManager;

/** Tenant-separated caching with Spring Boot's Caffeine cache manager (its choice when Caffeine is present). */
@TestAppTest
class CaffeineTenantCacheTest extends TenantCacheContract {

    @Test
    void theEntriesAreStoredByTheApplicationsCaffeineCacheManager() {
        assertThat(storingManager()).isInstanceOf(CaffeineCacheManager.class);
    }
}
