package dev.tenancy.boot.audit;

import dev.tenancy.boot.autoconfigure.TenancyAutoConfiguration;
import dev.tenancy.boot.web.TenantRequestResolver;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Locale;

/**
 * Audits refused tenant access in web applications (off with {@code tenancy.audit.enabled=false}): the
 * {@link TenantAccessAuditor}, a decorator around the {@link TenantRequestResolver} bean that reports the tenant
 * filter's refusals to it, and with Micrometer the counter {@code tenancy.security.events} tagged {@code reason}.
 */
@AutoConfiguration(after = TenancyAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenancy.audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenancyAuditProperties.class)
public final class TenancyAuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantAccessAuditor tenantAccessAuditor(ApplicationEventPublisher events, TenancyAuditProperties properties) {
        return new TenantAccessAuditor(events, properties.getLogLinesPerMinute());
    }

    /** Wraps the application's tenant resolver so that the filter's refusals are audited. */
    @Bean
    static BeanPostProcessor tenancyAccessAudit(ObjectProvider<TenantAccessAuditor> auditor, Environment environment) {
        boolean unknownServedAsPublic = Binder.get(environment).bind("tenancy.web.show-public-if-no-tenant-found",
                Boolean.class).orElse(false);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TenantRequestResolver resolver
                        && !(bean instanceof AuditingTenantRequestResolver)) {
                    return new AuditingTenantRequestResolver(resolver, auditor.getObject(), unknownServedAsPublic);
                }
                return bean;
            }
        };
    }

    /**
     * Counts security events as {@code tenancy.security.events}, tagged {@code reason}, unless
     * {@code tenancy.metrics.enabled=false}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBooleanProperty(name = "tenancy.metrics.enabled", matchIfMissing = true)
    static class Metrics {

        @Bean
        ApplicationListener<TenantAccessDeniedEvent> tenancySecurityEventCounter(
                ObjectProvider<MeterRegistry> registries) {
            return event -> {
                MeterRegistry registry = registries.getIfUnique();
                if (registry != null) {
                    registry.counter("tenancy.security.events", "reason", event.reason().name().toLowerCase(
                            Locale.ROOT)).increment();
                }
            };
        }
    }
}
