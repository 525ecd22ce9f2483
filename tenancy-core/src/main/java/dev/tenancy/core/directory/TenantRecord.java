package dev.tenancy.core.directory;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.model.TenantStatus;

import java.util.Objects;

/**
 * What the directory knows of a tenant: its row id, schema and status.
 *
 * @param id the tenant row's id
 * @param schema the tenant's schema
 * @param status the tenant's lifecycle status
 */
public record TenantRecord(long id, SchemaName schema, TenantStatus status) {

    /** Checks the fields are present. */
    public TenantRecord {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(status, "status");
    }

    /** Whether requests for this tenant may be served (it is {@link TenantStatus#ACTIVE}). */
    public boolean isServed() {
        return status.isServed();
    }
}
