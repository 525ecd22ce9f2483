package dev.tenancy.sample.web;

import dev.tenancy.boot.web.TenantFilter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * Accepts the API's paths with a trailing slash, as the requirements write them ({@code /api/users/}), and without:
 * the slash is removed before security rules and controllers see the path, so both agree on what was asked.
 */
@Configuration(proxyBeanMethods = false)
class TrailingSlashConfiguration {

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/api/**").wrapRequest().build());
        registration.setOrder(TenantFilter.DEFAULT_ORDER + 1);
        return registration;
    }
}
