package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Binds {@link TenancyPoolerProperties} ({@code tenancy.pooler.*}), which the tenant-aware DataSource reads when it
 * wraps the application's pool: with {@code tenancy.pooler.transaction-mode=true} it sets the tenant's path in every
 * transaction instead of once per session, for PgBouncer in transaction mode.
 */
@AutoConfiguration(before = TenancyAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenancyPoolerProperties.class)
public final class TenancyPoolerAutoConfiguration {
}
