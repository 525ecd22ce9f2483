package dev.tenancy.boot.web;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantDirectory;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Resolves the tenant from a path prefix: with prefix {@code /t}, {@code /t/acme/orders} is for the tenant whose
 * domain table has {@code acme}, and the application sees {@code /orders} (the tenant's prefix becomes part of the
 * context path, so links built from the context path stay inside the tenant). Requests outside the prefix are public.
 *
 * <p>The tenant is read from the normalised path (percent-decoded, dot segments removed); a request whose raw path
 * reaches the tenant segment any other way ({@code /t/acme/../globex/...}, {@code /t/%61cme/...}) is refused as
 * invalid (400) rather than served as either tenant.
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
        String raw = request.getRequestURI().substring(contextPath.length());
        String path;
        try {
            path = StringUtils.cleanPath(UriUtils.decode(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return TenantResolution.invalid();
        }
        if (!path.startsWith(prefix)) {
            return path.equals(prefix.substring(0, prefix.length() - 1))
                    ? TenantResolution.notFound() : TenantResolution.publicSchema();
        }
        int end = path.indexOf('/', prefix.length());
        String key = end < 0 ? path.substring(prefix.length()) : path.substring(prefix.length(), end);
        if (key.isEmpty()) {
            return TenantResolution.notFound();
        }
        if (!namesTheTenantAsItIs(raw, prefix + key)) {
            return TenantResolution.invalid();
        }
        try {
            String tenantPath = contextPath + prefix + key;
            return directory.resolve(key)
                    .map(tenant -> TenantResolution.tenant(tenant, new TenantPathRequest(request, tenantPath)))
                    .orElse(TenantResolution.notFound());
        } catch (InvalidInputException e) {
            return TenantResolution.invalid();
        }
    }

    /**
     * Whether the raw request path starts with the tenant's prefix exactly as the normalised path does: not through
     * dot segments ({@code /t/acme/../globex}) or percent-encoding, which a server or proxy could read differently.
     */
    private static boolean namesTheTenantAsItIs(String raw, String tenantPrefix) {
        return raw.startsWith(tenantPrefix)
                && (raw.length() == tenantPrefix.length() || raw.charAt(tenantPrefix.length()) == '/');
    }
}
