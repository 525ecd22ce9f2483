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

    /**
     * Told when the tenant filter refuses {@code request} without resolving it, because no single tenant address can
     * be read from it (it has several {@code Host} headers). Resolvers have nothing to do; Tenancy's auditing and
     * metrics decorators record it as an invalid address, like a {@link TenantResolution#invalid()} answer. A
     * decorator of your own should pass it on to the resolver it wraps.
     */
    default void refusedUnread(HttpServletRequest request) {
    }
}
