package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.logging.TenantMdc;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Every log line written while code works for a tenant carries the tenant's schema name in SLF4J's MDC (key
 * {@code tenancy.logging.mdc-key}, default {@code tenant}); {@code tenancy.logging.mdc=false} switches it off.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenancy.logging.mdc", matchIfMissing = true)
@ConditionalOnClass(name = "org.slf4j.MDC")
@EnableConfigurationProperties(TenancyLoggingProperties.class)
public final class TenancyLoggingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantMdc tenantMdc(TenancyLoggingProperties properties) {
        return new TenantMdc(properties.getMdcKey());
    }
}
