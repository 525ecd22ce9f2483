package dev.tenancy.boot.web;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.directory.TenantDirectory;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;

/**
 * Resolves the tenant from a request header carrying one of the tenant's domains (e.g.
 * {@code X-Tenant: acme.example.com}), for service-to-service calls; requests without the header are public.
 *
 * <p>Only use it where a trusted gateway sets or strips the header: any client can send any header, so a browser
 * request trusted this way could pick another tenant's data.
 */
public final class HeaderTenantResolver implements TenantRequestResolver {

    private final TenantDirectory directory;
    private final String header;

    /** A resolver reading {@code header} and looking its value up in {@code directory}. */
    public HeaderTenantResolver(TenantDirectory directory, String header) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.header = Objects.requireNonNull(header, "header");
    }

    @Override
    public TenantResolution resolve(HttpServletRequest request) {
        String value = request.getHeader(header);
        if (value == null) {
            return TenantResolution.publicSchema();
        }
        try {
            return directory.resolve(value).map(TenantResolution::tenant).orElse(TenantResolution.notFound());
        } catch (InvalidInputException e) {
            return TenantResolution.invalid();
        }
    }
}
