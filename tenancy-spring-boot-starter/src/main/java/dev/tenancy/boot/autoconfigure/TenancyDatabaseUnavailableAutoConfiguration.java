package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.web.DatabaseUnavailableFilter;
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
 * Registers the {@link DatabaseUnavailableFilter} right before the tenant filter: a request that fails because the
 * database is down, restarting or out of pooled connections gets 503 with a plain message, not a 500. Replace it by
 * declaring a bean named {@code databaseUnavailableFilter}.
 */
@AutoConfiguration(after = TenancyWebAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(name = "tenantFilter")
public final class TenancyDatabaseUnavailableAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "databaseUnavailableFilter")
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
            ObjectProvider<FilterRegistrationBean<TenantFilter>> tenantFilter, TenancyProperties properties) {
        FilterRegistrationBean<TenantFilter> tenant = tenantFilter.getIfAvailable();
        int tenantOrder = tenant != null ? tenant.getOrder() : properties.getWeb().getFilterOrder();
        FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
                new DatabaseUnavailableFilter());
        registration.setOrder(tenantOrder - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }
}
