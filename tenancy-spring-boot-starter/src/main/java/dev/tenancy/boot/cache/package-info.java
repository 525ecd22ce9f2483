/**
 * Spring Cache under Tenancy: {@link dev.tenancy.boot.cache.TenantCacheManager} and
 * {@link dev.tenancy.boot.cache.TenantCacheResolver} keep each tenant's cache entries apart.
 */
package dev.tenancy.boot.cache;
