package dev.tenancy.boot.ratelimit;

import dev.tenancy.boot.autoconfigure.TenancyProperties;
import dev.tenancy.boot.autoconfigure.TenancyWebAutoConfiguration;
import dev.tenancy.boot.ratelimit.TenantRateLimits.Limit;
import dev.tenancy.boot.web.TenantRequestResolver;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import java.util.Optional;

/**
 * With {@code tenancy.rate-limit.enabled=true}: a {@link TenantRateLimitFilter}
 * limiting each tenant to {@code tenancy.rate-limit.requests} per {@code tenancy.rate-limit.per} (or what the
 * application's {@link TenantRateLimits} bean says), ordered right after the tenant filter and its CORS filter, so
 * refusals carry CORS headers and come before Spring Security's work.
 */
@AutoConfiguration(after = TenancyWebAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenancy.rate-limit.enabled")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(TenantRequestResolver.class)
@EnableConfigurationProperties(TenancyRateLimitProperties.class)
public final class TenancyRateLimitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "tenantRateLimitFilter")
    FilterRegistrationBean<TenantRateLimitFilter> tenantRateLimitFilter(TenancyRateLimitProperties rateLimit,
            TenancyProperties properties, ObjectProvider<TenantRateLimits> limits) {
        Limit global = new Limit(rateLimit.getRequests(), rateLimit.getPer());
        TenantBuckets buckets = new TenantBuckets(global, limits.getIfAvailable(() -> tenant -> Optional.empty()),
                rateLimit.getMaxTenants());
        FilterRegistrationBean<TenantRateLimitFilter> registration =
                new FilterRegistrationBean<>(new TenantRateLimitFilter(buckets));
        registration.setOrder(properties.getWeb().getFilterOrder() + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
