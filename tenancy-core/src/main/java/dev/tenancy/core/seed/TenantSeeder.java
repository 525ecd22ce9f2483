package dev.tenancy.core.seed;

import dev.tenancy.core.SchemaName;

/**
 * Application code that loads data into one tenant, e.g. its default categories or an admin user. It runs inside the
 * tenant's context ({@code Tenants.current()} is the tenant), so repositories and JDBC work in its schema.
 */
@FunctionalInterface
public interface TenantSeeder {

    /** Loads the data into {@code tenant}; an exception makes the seeding (and a creation seeding it) fail. */
    void seed(SchemaName tenant) throws Exception;
}
