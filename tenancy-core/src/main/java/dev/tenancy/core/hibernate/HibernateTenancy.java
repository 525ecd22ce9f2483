package dev.tenancy.core.hibernate;

import dev.tenancy.core.jdbc.TenantAwareDataSource;

import org.hibernate.cfg.MultiTenancySettings;

import java.util.Map;

/** The Hibernate settings that make a session factory schema-per-tenant. */
public final class HibernateTenancy {

    private HibernateTenancy() {
    }

    /**
     * The settings to add to a session factory's (or persistence unit's) properties: Tenancy's connection provider
     * over {@code dataSource} and its tenant identifier resolver.
     */
    public static Map<String, Object> settings(TenantAwareDataSource dataSource) {
        return Map.of(
                MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER, new TenantConnectionProvider(dataSource),
                MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new TenantIdentifierResolver());
    }
}
