package dev.tenancy.boot.web;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Objects;

/**
 * Adds Tenancy to Spring MVC: the {@link EndpointAccessInterceptor} for public-only and tenant-only endpoints and
 * the {@link TenantRecordArgumentResolver}.
 */
public final class TenancyWebMvcConfigurer implements WebMvcConfigurer {

    private final EndpointAccessInterceptor interceptor;

    /** A configurer registering {@code interceptor}. */
    public TenancyWebMvcConfigurer(EndpointAccessInterceptor interceptor) {
        this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TenantRecordArgumentResolver());
    }
}
