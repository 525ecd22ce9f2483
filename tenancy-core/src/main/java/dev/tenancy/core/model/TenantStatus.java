package dev.tenancy.core.model;

/** Where a tenant is in its life. Only {@link #ACTIVE} tenants are served. */
public enum TenantStatus {
    /** Being created: its schema or its application data may not be complete yet. Never served. */
    PROVISIONING,
    /** Fully created and served. */
    ACTIVE,
    /** Switched off (soft-deleted or suspended): its schema is kept, its hosts are refused. */
    INACTIVE;

    /** Whether requests for a tenant in this state may be served. */
    public boolean isServed() {
        return this == ACTIVE;
    }
}
