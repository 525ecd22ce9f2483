package dev.tenancy.boot.web;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.InvalidHostException;
import dev.tenancy.core.directory.TenantDirectory;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;

/**
 * Resolves the tenant from a path prefix: with prefix {@code /t}, {@code /t/acme/orders} is for the tenant whose
 * domain table has {@code acme}, and the application sees {@code /orders} (the tenant's prefix becomes part of the
 * context path, so links built from the context path stay inside the tenant). Requests outside the prefix are public.
 */
public final class PathTenantResolver implements TenantRequestResolver {

    private final TenantDirectory directory;
    private final String prefix;

    /**
     * A resolver for tenants under {@code prefix} (e.g. {@code /t}), looked up in {@code directory}.
     *
     * @throws TenancyException when the prefix is not a slash followed by a path
     */
    public PathTenantResolver(TenantDirectory directory, String prefix) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (prefix == null || !prefix.startsWith("/") || prefix.length() < 2 || prefix.endsWith("/")) {
            throw new TenancyException("The tenant path prefix '" + prefix + "' must start with '/', not end with "
                    + "'/', and name at least one segment, e.g. /t.");
        }
        this.prefix = prefix + "/";
    }

    @Override
    public TenantResolution resolve(HttpServletRequest request) {
        String contextPath = request.getContextPath();
        String path = request.getRequestURI().substring(contextPath.length());
        if (!path.startsWith(prefix)) {
            return path.equals(prefix.substring(0, prefix.length() - 1))
                    ? TenantResolution.notFound() : TenantResolution.publicSchema();
        }
        int end = path.indexOf('/', prefix.length());
        String key = end < 0 ? path.substring(prefix.length()) : path.substring(prefix.length(), end);
        if (key.isEmpty()) {
            return TenantResolution.notFound();
        }
        try {
            String tenantPath = contextPath + prefix + key;
            return directory.resolve(key)
                    .map(tenant -> TenantResolution.tenant(tenant, new TenantPathRequest(request, tenantPath)))
                    .orElse(TenantResolution.notFound());
        } catch (InvalidHostException e) {
            return TenantResolution.invalid();
        }
    }
}
