package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Binds {@link TenancyPoolAffinityProperties} ({@code tenancy.pool.affinity.*}), which the tenant-aware DataSource
 * reads when it wraps the application's pool: with {@code tenancy.pool.affinity.enabled=true} a tenant's next
 * connection reuses one that already has its path.
 */
@AutoConfiguration(before = TenancyAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenancyPoolAffinityProperties.class)
public final class TenancyPoolAffinityAutoConfiguration {
}
