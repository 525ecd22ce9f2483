package dev.tenancy.boot.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.autoconfigure.TenancyCacheAutoConfiguration;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.support.NoOpCache;
import org.springframework.cache.support.SimpleCacheManager;

import java.util.List;

/** When Tenancy wraps cache managers, and what clearing does where one tenant's entries cannot be told apart. */
class TenantCacheSwitchTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenancyCacheAutoConfiguration.class))
            .withBean(CacheManager.class, ConcurrentMapCacheManager::new);

    @Test
    void everyCacheManagerBeanIsWrappedByDefault() {
        runner.run(context -> assertThat(context.getBean(CacheManager.class)).isInstanceOf(TenantCacheManager.class));
    }

    @Test
    void tenancyCacheEnabledFalseLeavesTheApplicationsCacheManagerAlone() {
        runner.withPropertyValues("tenancy.cache.enabled=false").run(context ->
                assertThat(context.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class));
    }

    @Test
    void aCacheThatCannotClearOneTenantIsClearedWholeRatherThanLeftWithStaleEntries() {
        RecordingCache recording = new RecordingCache();
        SimpleCacheManager manager = new SimpleCacheManager();
        manager.setCaches(List.of(recording));
        manager.afterPropertiesSet();

        Cache cache = TenantCacheManager.separateTenants(manager).getCache("recording");
        Tenants.run(SchemaName.of("tenant_alpha"), cache::clear);

        assertThat(recording.cleared).isTrue();
    }

    /** A cache keeping nothing, whose native cache is neither a Map nor a Caffeine cache. */
    private static final class RecordingCache extends NoOpCache {

        boolean cleared;

        RecordingCache() {
            super("recording");
        }

        @Override
        public void clear() {
            cleared = true;
        }
    }
}
