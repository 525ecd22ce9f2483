package dev.tenancy.sample.admin;

import dev.tenancy.boot.web.TenantFilter;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** The two admin sites: the platform's, on its own host, and each tenant's, on that tenant's hosts. */
enum AdminSite {
    /** The platform host (localhost), served in the public schema: every tenant, for the super super admin. */
    PLATFORM,
    /** A tenant's host (acme.localhost): that tenant's users, for its super admin. */
    TENANT;

    /** The site {@code request} is for. */
    static AdminSite of(HttpServletRequest request) {
        return TenantFilter.tenantOf(request).isPresent() ? TENANT : PLATFORM;
    }

    AuthorizationManager<RequestAuthorizationContext> manager() {
        return (authentication, context) -> new AuthorizationDecision(of(context.getRequest()) == this);
    }
}
