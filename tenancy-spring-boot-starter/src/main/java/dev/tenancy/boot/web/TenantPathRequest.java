package dev.tenancy.boot.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request under a tenant's path prefix as the application sees it: the prefix is part of the context path and no
 * longer of the servlet path, so {@code /t/acme/orders} maps to the application's {@code /orders}.
 */
final class TenantPathRequest extends HttpServletRequestWrapper {

    private final String contextPath;
    private final String servletPath;

    TenantPathRequest(HttpServletRequest request, String contextPath) {
        super(request);
        this.contextPath = contextPath;
        String tenantPrefix = contextPath.substring(request.getContextPath().length());
        String original = request.getServletPath();
        this.servletPath = original.startsWith(tenantPrefix) ? original.substring(tenantPrefix.length()) : original;
    }

    @Override
    public String getContextPath() {
        return contextPath;
    }

    @Override
    public String getServletPath() {
        return servletPath;
    }
}
