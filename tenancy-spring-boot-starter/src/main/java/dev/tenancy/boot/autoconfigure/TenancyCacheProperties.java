package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Spring Cache under Tenancy ({@code tenancy.cache.*}). */
@ConfigurationProperties("tenancy.cache")
public class TenancyCacheProperties {

    /**
     * Whether the entries of Spring's caches (@Cacheable, @CachePut, @CacheEvict, CacheManager.getCache) are kept
     * apart by tenant: a value cached for one tenant is never returned to another tenant or to public code. Switch
     * it off only if every cache key already names its tenant.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
