/** Seeding tenants from Spring resources and TenantSeeder beans. */
package dev.tenancy.boot.seed;
