/**
 * Cross-origin requests for tenant domains: {@link dev.tenancy.boot.cors.TenantCorsConfigurationSource} lets pages
 * on a tenant's own domains (and configured extra origins) call that tenant's API, and no other tenant's.
 */
package dev.tenancy.boot.cors;
