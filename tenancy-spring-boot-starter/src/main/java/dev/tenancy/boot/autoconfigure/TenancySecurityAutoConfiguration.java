package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.audit.TenantAccessAuditor;
import dev.tenancy.boot.security.TenantBoundSecurityContextRepository;
import dev.tenancy.boot.security.TenantBoundSessionsConfigurer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Spring Security in a servlet application with Tenancy: a {@code Customizer<HttpSecurity>} bean, which Spring
 * Security applies to every {@code HttpSecurity}, adds the {@link TenantBoundSessionsConfigurer}: whatever security
 * context repository the chain ends up with is wrapped in a {@link TenantBoundSecurityContextRepository}, which
 * reports sessions presented on another tenant's site to the {@link TenantAccessAuditor} (when auditing is on).
 * {@code tenancy.security.tenant-bound-sessions=false}, or a bean named {@code tenantBoundSessions}, removes it.
 */
@AutoConfiguration(after = TenancyWebAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, SecurityContextRepository.class})
@EnableConfigurationProperties(TenancySecurityProperties.class)
public final class TenancySecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "tenantBoundSessions")
    @ConditionalOnBooleanProperty(name = "tenancy.security.tenant-bound-sessions", matchIfMissing = true)
    Customizer<HttpSecurity> tenantBoundSessions(ObjectProvider<TenantAccessAuditor> auditor) {
        return http -> http.with(new TenantBoundSessionsConfigurer(auditor::getIfAvailable), Customizer.withDefaults());
    }
}
