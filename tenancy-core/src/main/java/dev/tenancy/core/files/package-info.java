/**
 * Each tenant's files under a storage root of its own: {@link dev.tenancy.core.files.TenantFiles}, which refuses any
 * name that could reach outside that root.
 */
package dev.tenancy.core.files;
