package dev.tenancy.boot.task;

import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC's asynchronous requests under Tenancy: a controller's {@code Callable} or {@code StreamingResponseBody}
 * runs in the request's tenant on any executor. ({@code DeferredResult}s are completed by the application's own
 * code, which carries the tenant when it runs on Spring's executors; the dispatch that writes the result goes
 * through the tenant filter again.)
 */
public final class TenantAsyncMvcConfigurer implements WebMvcConfigurer {

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.registerCallableInterceptors(new TenantCallableInterceptor());
    }
}
