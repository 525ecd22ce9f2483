package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.web.EndpointAccessInterceptor;
import dev.tenancy.boot.web.HeaderTenantResolver;
import dev.tenancy.boot.web.HostTenantResolver;
import dev.tenancy.boot.web.PathTenantResolver;
import dev.tenancy.boot.web.RefusalPage;
import dev.tenancy.boot.web.TenancyWebMvcConfigurer;
import dev.tenancy.boot.web.TenantFilter;
import dev.tenancy.boot.web.TenantRequestResolver;
import dev.tenancy.core.directory.TenantDirectory;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web side of Tenancy in a servlet application: the {@link TenantFilter}, registered with
 * {@code tenancy.web.filter-order} (by default before Spring Security), resolving tenants as
 * {@code tenancy.web.resolve-by} says, its refusals shown to browsers by the application's {@link RefusalPage} bean
 * if it has one; with Spring MVC also public-only / tenant-only endpoints and
 * {@code TenantRecord} controller parameters.
 */
@AutoConfiguration(after = TenancyAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(TenantDirectory.class)
public final class TenancyWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantRequestResolver tenantRequestResolver(TenantDirectory directory, TenancyProperties properties) {
        TenancyWebProperties web = properties.getWeb();
        return switch (web.getResolveBy()) {
            case HOST -> new HostTenantResolver(directory, web.getPublicHosts());
            case PATH -> new PathTenantResolver(directory, web.getPathPrefix());
            case HEADER -> new HeaderTenantResolver(directory, web.getHeader());
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "tenantFilter")
    FilterRegistrationBean<TenantFilter> tenantFilter(TenantRequestResolver resolver, TenancyProperties properties,
            ObjectProvider<RefusalPage> refusalPage) {
        TenancyWebProperties web = properties.getWeb();
        FilterRegistrationBean<TenantFilter> registration = new FilterRegistrationBean<>(new TenantFilter(resolver,
                web.isShowPublicIfNoTenantFound(), refusalPage.getIfAvailable(RefusalPage::standard)));
        registration.setOrder(web.getFilterOrder());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebMvcConfigurer.class)
    static class MvcConfiguration {

        @Bean
        @ConditionalOnMissingBean
        EndpointAccessInterceptor endpointAccessInterceptor(TenancyProperties properties,
                ObjectProvider<RefusalPage> refusalPage) {
            return new EndpointAccessInterceptor(properties.getWeb().getPublicPaths(),
                    properties.getWeb().getTenantPaths(), refusalPage.getIfAvailable(RefusalPage::standard));
        }

        @Bean
        @ConditionalOnMissingBean
        TenancyWebMvcConfigurer tenancyWebMvcConfigurer(EndpointAccessInterceptor interceptor) {
            return new TenancyWebMvcConfigurer(interceptor);
        }
    }
}
