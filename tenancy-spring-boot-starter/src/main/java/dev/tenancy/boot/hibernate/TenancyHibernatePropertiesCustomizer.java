package dev.tenancy.boot.hibernate;

import dev.tenancy.core.hibernate.HibernateTenancy;
import dev.tenancy.core.jdbc.TenantAwareDataSource;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

import java.util.Map;
import java.util.Objects;

/**
 * Makes Spring Boot's JPA persistence unit schema-per-tenant: Hibernate gets Tenancy's connection provider over the
 * tenant-aware DataSource and its tenant identifier resolver ({@link HibernateTenancy#settings}), so each session
 * works in the schema of the tenant that was current when it opened, and sessions opened outside any tenant see the
 * shared schema only.
 */
public final class TenancyHibernatePropertiesCustomizer implements HibernatePropertiesCustomizer {

    private final TenantAwareDataSource dataSource;

    /** A customizer handing Hibernate connections of {@code dataSource}. */
    public TenancyHibernatePropertiesCustomizer(TenantAwareDataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.putAll(HibernateTenancy.settings(dataSource));
    }
}
