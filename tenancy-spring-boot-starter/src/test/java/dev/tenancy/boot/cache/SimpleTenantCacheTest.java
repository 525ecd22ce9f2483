package dev.tenancy.boot.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.Test;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.test.context.TestPropertySource;

/** Tenant-separated caching with Spring's simple (ConcurrentMap) cache manager. */
@TestAppTest
@TestPropertySource(properties = "spring.cache.type=simple")
class SimpleTenantCacheTest extends TenantCacheContract {

    @Test
    void theEntriesAreStoredByTheApplicationsSimpleCacheManager() {
        assertThat(storingManager()).isInstanceOf(ConcurrentMapCacheManager.class);
    }
}
