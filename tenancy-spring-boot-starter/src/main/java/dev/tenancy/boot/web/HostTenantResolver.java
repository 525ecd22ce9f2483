package dev.tenancy.boot.web;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves the tenant from the request's host name ({@link HttpServletRequest#getServerName()}, i.e. the
 * {@code Host} header, or the forwarded host when Spring's forwarded-header support is on) through the
 * {@link TenantDirectory}. The configured public hosts serve the public schema.
 */
public final class HostTenantResolver implements TenantRequestResolver {

    private final TenantDirectory directory;
    private final Set<String> publicHosts;

    /** A resolver over {@code directory}; {@code publicHosts} serve the public schema. */
    public HostTenantResolver(TenantDirectory directory, Collection<String> publicHosts) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.publicHosts = publicHosts.stream().map(TenantDirectory::normaliseHost)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public TenantResolution resolve(HttpServletRequest request) {
        String host;
        try {
            host = TenantDirectory.normaliseHost(request.getServerName());
        } catch (InvalidInputException e) {
            return TenantResolution.invalid();
        }
        if (publicHosts.contains(host)) {
            return TenantResolution.publicSchema();
        }
        Optional<TenantRecord> tenant = directory.resolve(host);
        return tenant.isPresent() ? TenantResolution.tenant(tenant.get()) : TenantResolution.notFound();
    }
}
