package dev.tenancy.core.hibernate;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate which tenant a new session belongs to: the current tenant's schema name from {@link Tenants}, or
 * {@link #PUBLIC} when the code runs outside any tenant (Spring Data opens such sessions at start-up; they see the
 * shared schema only).
 */
final class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

    /** The identifier of sessions outside any tenant. No tenant can have it: {@code public} is reserved. */
    public static final String PUBLIC = "public";

    @Override
    public String resolveCurrentTenantIdentifier() {
        SchemaName tenant = Tenants.currentOrNull();
        return tenant == null ? PUBLIC : tenant.value();
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }

    /** The schema for a Hibernate tenant identifier; {@code null} for {@link #PUBLIC}. */
    static SchemaName toSchema(String tenantIdentifier) {
        if (tenantIdentifier == null || PUBLIC.equals(tenantIdentifier)) {
            return null;
        }
        SchemaName current = Tenants.currentOrNull();
        if (current != null && current.value().equals(tenantIdentifier)) {
            return current;
        }
        return SchemaName.of(tenantIdentifier);
    }
}
