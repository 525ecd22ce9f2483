package dev.tenancy.boot.cors;

import dev.tenancy.boot.web.TenantFilter;
import dev.tenancy.core.directory.DomainStore.DomainRecord;
import dev.tenancy.core.directory.DomainStore;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * CORS by tenant: a cross-origin request for tenant T is allowed from T's own domains ({@code https://} or
 * {@code http://}, any port) and from the origin patterns of the base configuration, and from nothing else; a
 * public request only from the base configuration's origin patterns. So a page on {@code acme.example.com} may call
 * Acme's API at {@code api.acme.example.com} or {@code acme.com} (if those are Acme's domains), and a page on
 * {@code globex.example.com} may not.
 *
 * <p>It needs the request's tenant: use it after {@link TenantFilter} (Tenancy's CORS filter runs right after it).
 * The tenant's domains are read from the domain table on each cross-origin request, so a domain added or removed
 * counts at once; same-origin requests never ask.
 */
public final class TenantCorsConfigurationSource implements CorsConfigurationSource {

    /** What a registered domain is: a host name, so no pattern characters reach the origin pattern. */
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

    private final DataSource dataSource;
    private final DomainStore domains;
    private final CorsConfiguration base;

    /**
     * A source over {@code domains} read through {@code dataSource}, answering with {@code base} (methods, headers,
     * credentials, max age, extra origins) plus the tenant's domains.
     */
    public TenantCorsConfigurationSource(DataSource dataSource, DomainStore domains, CorsConfiguration base) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.domains = Objects.requireNonNull(domains, "domains");
        this.base = new CorsConfiguration(Objects.requireNonNull(base, "base"));
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        List<String> origins = new ArrayList<>(orEmpty(base.getAllowedOriginPatterns()));
        Optional<TenantRecord> tenant = TenantFilter.tenantOf(request);
        if (tenant.isPresent()) {
            for (String domain : domainsOf(tenant.get())) {
                if (HOST_NAME.matcher(domain).matches()) {
                    origins.add("https://" + domain + ":[*]");
                    origins.add("http://" + domain + ":[*]");
                }
            }
        }
        if (origins.isEmpty()) {
            return null;
        }
        // The copy shares the base's lists: replace the origins with a new list, never add to the shared one.
        CorsConfiguration configuration = new CorsConfiguration(base);
        configuration.setAllowedOriginPatterns(origins);
        return configuration;
    }

    private List<String> domainsOf(TenantRecord tenant) {
        try (Connection connection = dataSource.getConnection()) {
            return domains.list(connection, tenant.id()).stream().map(DomainRecord::domain).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tenant's domains to check a cross-origin request's "
                    + "origin: " + e.getMessage(), e);
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
