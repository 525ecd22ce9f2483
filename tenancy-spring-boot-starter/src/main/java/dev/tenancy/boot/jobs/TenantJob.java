package dev.tenancy.boot.jobs;

import dev.tenancy.core.SchemaName;

/**
 * Work done for one tenant, in that tenant's context: its database access sees the tenant's schema.
 *
 * @param <T> what the job returns for a tenant ({@code Void} for nothing)
 */
@FunctionalInterface
public interface TenantJob<T> {

    /** Does the work for {@code tenant}, which is the current tenant while it runs. */
    T run(SchemaName tenant) throws Exception;
}
