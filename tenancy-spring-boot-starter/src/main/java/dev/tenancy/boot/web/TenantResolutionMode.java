package dev.tenancy.boot.web;

/** How a request names its tenant ({@code tenancy.web.resolve-by}). */
public enum TenantResolutionMode {
    /** By the request's host name, looked up in the domain table (django-tenants' {@code TenantMainMiddleware}). */
    HOST,
    /**
     * By a path prefix, {@code /t/<domain>/...}, looked up in the domain table; the application sees the path
     * without it (django-tenants' subfolder middleware).
     */
    PATH,
    /**
     * By a request header carrying a tenant's domain, for service-to-service calls. Never expose it to browsers or
     * other untrusted clients: they can send any header and so pick any tenant.
     */
    HEADER
}
