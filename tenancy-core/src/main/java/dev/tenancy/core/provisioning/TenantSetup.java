package dev.tenancy.core.provisioning;

/**
 * An application's own step in creating a tenant, such as creating the tenant's admin user. It runs after the
 * tenant's schema is ready and inside the new tenant's context ({@link dev.tenancy.core.Tenants#run}), so the
 * application's tenant-aware {@code DataSource} or JPA repositories reach the new schema.
 *
 * <p>Throwing rolls the whole creation back. Secrets such as an initial password belong in the step's own
 * closure: Tenancy never sees, logs or stores them; keep them out of exception messages too, since a failure's
 * message is written to the audit.
 */
@FunctionalInterface
public interface TenantSetup {

    /** Sets the new tenant up; runs as {@code tenant.schema()}. */
    void setUp(TenantInfo tenant) throws Exception;
}
