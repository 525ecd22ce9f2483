package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.hibernate.TenancyHibernatePropertiesCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

import javax.sql.DataSource;

/**
 * Wires Hibernate's multi-tenancy into Spring Boot's JPA auto-configuration when Hibernate and Boot's Hibernate
 * module are on the classpath: see {@link TenancyHibernatePropertiesCustomizer}.
 */
@AutoConfiguration(after = TenancyAutoConfiguration.class,
        beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnClass({HibernatePropertiesCustomizer.class, MultiTenantConnectionProvider.class})
@ConditionalOnSingleCandidate(DataSource.class)
public final class TenancyHibernateAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenancyHibernatePropertiesCustomizer tenancyHibernatePropertiesCustomizer(DataSource dataSource) {
        return new TenancyHibernatePropertiesCustomizer(TenancyAutoConfiguration.tenantAware(dataSource));
    }
}
