package dev.tenancy.boot.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides which tenant a request is for; {@link TenantFilter} asks once per request, before any other code touches
 * data. Tenancy provides one per {@link TenantResolutionMode} ({@link HostTenantResolver}, {@link PathTenantResolver},
 * {@link HeaderTenantResolver}); define a bean of this type to resolve tenants another way.
 */
@FunctionalInterface
public interface TenantRequestResolver {

    /** What {@code request} is for: a tenant, the public schema, no known tenant, or an invalid tenant address. */
    TenantResolution resolve(HttpServletRequest request);
}
