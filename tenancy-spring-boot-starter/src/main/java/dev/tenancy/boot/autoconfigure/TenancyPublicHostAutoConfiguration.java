package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.web.PublicHostMissingTableResolver;
import dev.tenancy.core.directory.TenantDirectory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * On public hosts, an unmarked endpoint whose tables exist only in tenant schemas answers 404 instead of 500
 * ({@link PublicHostMissingTableResolver}). Backs off when the application defines its own resolver bean.
 */
@AutoConfiguration(after = TenancyWebAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HandlerExceptionResolver.class)
@ConditionalOnBean(TenantDirectory.class)
public final class TenancyPublicHostAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PublicHostMissingTableResolver publicHostMissingTableResolver() {
        return new PublicHostMissingTableResolver();
    }
}
