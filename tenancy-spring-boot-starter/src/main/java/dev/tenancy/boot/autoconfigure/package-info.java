/**
 * Spring Boot auto-configuration of Tenancy and its settings ({@link dev.tenancy.boot.autoconfigure.TenancyProperties},
 * {@code tenancy.*}). One auto-configuration per concern: the tenant-aware DataSource and tenant directory, migrations
 * (the {@code TenantMigrator} and start-up migrations), provisioning (the {@code TenantProvisioner} and start-up
 * recovery), Hibernate, the web filter, commands. Each bean backs off when the application defines its own.
 */
package dev.tenancy.boot.autoconfigure;
