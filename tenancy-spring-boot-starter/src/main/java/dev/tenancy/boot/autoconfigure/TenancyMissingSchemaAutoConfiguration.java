package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.web.MissingSchemaFilter;
import dev.tenancy.boot.web.TenantFilter;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@link MissingSchemaFilter} right after the tenant filter: a request whose tenant's schema is missing
 * gets 503, never the shared schema's rows. Replace it by declaring a bean named {@code missingSchemaFilter}.
 */
@AutoConfiguration(after = TenancyWebAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(name = "tenantFilter")
public final class TenancyMissingSchemaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "missingSchemaFilter")
    FilterRegistrationBean<MissingSchemaFilter> missingSchemaFilter(
            ObjectProvider<FilterRegistrationBean<TenantFilter>> tenantFilter, TenancyProperties properties) {
        FilterRegistrationBean<TenantFilter> tenant = tenantFilter.getIfAvailable();
        int tenantOrder = tenant != null ? tenant.getOrder() : properties.getWeb().getFilterOrder();
        FilterRegistrationBean<MissingSchemaFilter> registration = new FilterRegistrationBean<>(
                new MissingSchemaFilter());
        registration.setOrder(tenantOrder + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }
}
