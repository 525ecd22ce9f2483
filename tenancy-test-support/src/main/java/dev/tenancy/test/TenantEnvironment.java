package dev.tenancy.test;

import javax.sql.DataSource;

/**
 * Where test tenants are created: a database with its tenant and domain tables (a plain test's database, or a Spring
 * application's), and whoever caches tenant lookups there.
 */
interface TenantEnvironment {

    /** Creates and removes tenants for a class with these settings. */
    TestTenantFactory factory(TenantTestSettings settings);

    /** The database's raw pool (not tenant-aware), for resetting tenants' data. */
    DataSource pool();

    /** Called after a tenant was created, removed or had its own rows put back, so caches of host lookups forget it. */
    void tenantChanged(TestTenant tenant);
}
