package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.task.TenantAsyncMvcConfigurer;
import dev.tenancy.boot.task.TenantTaskDecorator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The tenant follows work handed to other threads: a {@link TenantTaskDecorator} bean, which Spring Boot's executor
 * and scheduler builders apply (composed with the application's own decorators), and, in a Spring MVC application,
 * the request's tenant for the {@code Callable}s and {@code StreamingResponseBody}s its controllers return.
 * {@code tenancy.tasks.enabled=false} switches it off.
 */
@AutoConfiguration(before = {TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenancy.tasks.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenancyTaskProperties.class)
public final class TenancyTaskAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantTaskDecorator tenantTaskDecorator() {
        return new TenantTaskDecorator();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(WebMvcConfigurer.class)
    static class MvcAsyncConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantAsyncMvcConfigurer tenantAsyncMvcConfigurer() {
            return new TenantAsyncMvcConfigurer();
        }
    }
}
