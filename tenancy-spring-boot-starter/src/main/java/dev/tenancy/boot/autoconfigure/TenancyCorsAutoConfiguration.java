package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.cors.TenantCorsConfigurationSource;
import dev.tenancy.core.directory.DomainStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.CorsFilter;

import javax.sql.DataSource;

/**
 * With {@code tenancy.cors.enabled=true}: a {@link TenantCorsConfigurationSource} from {@code tenancy.cors.*}, and a
 * {@link CorsFilter} using it, ordered right after the tenant filter (so it knows the request's tenant) and before
 * Spring Security (so preflight requests are answered before any sign-in is asked for).
 */
@AutoConfiguration(after = TenancyWebAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenancy.cors.enabled")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(CorsFilter.class)
@ConditionalOnBean(DomainStore.class)
@EnableConfigurationProperties(TenancyCorsProperties.class)
public final class TenancyCorsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantCorsConfigurationSource tenantCorsConfigurationSource(DataSource dataSource, DomainStore domains,
            TenancyCorsProperties cors) {
        CorsConfiguration base = new CorsConfiguration();
        base.setAllowedOriginPatterns(cors.getAllowedOrigins());
        base.setAllowedMethods(cors.getAllowedMethods());
        base.setAllowedHeaders(cors.getAllowedHeaders());
        base.setExposedHeaders(cors.getExposedHeaders());
        base.setAllowCredentials(cors.isAllowCredentials());
        base.setMaxAge(cors.getMaxAge());
        return new TenantCorsConfigurationSource(dataSource, domains, base);
    }

    @Bean
    @ConditionalOnMissingBean(name = "tenantCorsFilter")
    FilterRegistrationBean<CorsFilter> tenantCorsFilter(TenantCorsConfigurationSource source,
            TenancyProperties properties) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(properties.getWeb().getFilterOrder() + 1);
        return registration;
    }
}
