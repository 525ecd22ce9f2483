package dev.tenancy.boot.ratelimit;

import dev.tenancy.boot.autoconfigure.TenancyProperties;
import dev.tenancy.boot.autoconfigure.TenancyWebAutoConfiguration;
import dev.tenancy.boot.ratelimit.TenantRateLimits.Limit;
import dev.tenancy.boot.web.RefusalPage;
import dev.tenancy.boot.web.TenantRequestResolver;

import io.micrometer.core.instrument.MeterRegistry;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

import javax.sql.DataSource;

/**
 * With {@code tenancy.rate-limit.enabled=true}: a {@link TenantRateLimitFilter} limiting each tenant to
 * {@code tenancy.rate-limit.requests} per {@code tenancy.rate-limit.per} (or what the application's
 * {@link TenantRateLimits} bean says), ordered right after the tenant filter and its CORS filter, so refusals carry
 * CORS headers and come before Spring Security's work; browsers get the application's {@link RefusalPage}. Buckets
 * live in each instance's memory, or with {@code tenancy.rate-limit.store=postgresql} in a table of the shared schema
 * that every instance shares. With Micrometer, refusals are counted as {@code tenancy.rate-limit.refusals}.
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
            TenancyProperties properties, ObjectProvider<TenantRateLimits> limits,
            ObjectProvider<RateLimitRefusals> refusals, ObjectProvider<RefusalPage> refusalPage,
            ObjectProvider<DataSource> dataSource) {
        Limit global = globalLimit(rateLimit);
        TenantRateLimits chosen = limits.getIfAvailable(() -> tenant -> Optional.empty());
        TenantBuckets buckets = switch (rateLimit.getStore()) {
            case MEMORY -> TenantBuckets.inMemory(global, chosen, rateLimit.getMaxTenants());
            case POSTGRESQL -> TenantBuckets.shared(global, chosen, SharedBucketTable.open(dataSource.getObject(),
                    properties.getSchemas().getShared(), rateLimit.getTable()));
        };
        FilterRegistrationBean<TenantRateLimitFilter> registration = new FilterRegistrationBean<>(
                new TenantRateLimitFilter(buckets, refusals.getIfAvailable(() -> RateLimitRefusals.NONE),
                        refusalPage.getIfAvailable(RefusalPage::standard)));
        registration.setOrder(properties.getWeb().getFilterOrder() + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    private static Limit globalLimit(TenancyRateLimitProperties rateLimit) {
        try {
            return new Limit(rateLimit.getRequests(), rateLimit.getPer());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("Invalid tenancy.rate-limit.requests (" + rateLimit.getRequests()
                    + ") or tenancy.rate-limit.per (" + rateLimit.getPer() + "): " + e.getMessage()
                    + ". Set at least 1 request per a positive interval, e.g. requests=100 and per=1s.", e);
        }
    }

    /** Refusals counted in the application's Micrometer registry, unless {@code tenancy.metrics.enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBooleanProperty(name = "tenancy.metrics.enabled", matchIfMissing = true)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RateLimitRefusals meteredRateLimitRefusals(ObjectProvider<MeterRegistry> registries,
                @Value("${tenancy.metrics.tenant-tag:false}") boolean tenantTag) {
            MeterRegistry registry = registries.getIfUnique();
            return registry == null ? RateLimitRefusals.NONE : new MeteredRateLimitRefusals(registry, tenantTag);
        }
    }
}
