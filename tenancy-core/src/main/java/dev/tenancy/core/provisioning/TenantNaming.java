package dev.tenancy.core.provisioning;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.directory.TenantDirectory;

/**
 * Turns a subdomain (what a customer picks at sign-up) into the tenant's schema name and default host name.
 *
 * <p>The provisioner hands in subdomains already checked as DNS labels and lower-cased, so {@code Acme} and
 * {@code acme} are the same tenant. The schema name returned is checked again against the reserved names.
 */
public interface TenantNaming {

    /** The schema of the tenant with this subdomain. */
    SchemaName schemaFor(String subdomain);

    /** The tenant's default (primary) host name for this subdomain. */
    String domainFor(String subdomain);

    /**
     * The requirements' convention: schema {@code tenant_<subdomain>} (hyphens become underscores, which keeps
     * names distinct because DNS labels have no underscores) and domain {@code <subdomain>.<domainSuffix>}, e.g.
     * {@code demo.localhost} in development or {@code demo.example.com} in production.
     *
     * @throws dev.tenancy.core.directory.InvalidInputException when the suffix is not a valid host name
     */
    static TenantNaming conventional(String domainSuffix) {
        String suffix = TenantDirectory.normaliseHost(domainSuffix);
        return new TenantNaming() {
            @Override
            public SchemaName schemaFor(String subdomain) {
                return SchemaName.of("tenant_" + subdomain.replace('-', '_'));
            }

            @Override
            public String domainFor(String subdomain) {
                return subdomain + "." + suffix;
            }

            @Override
            public String toString() {
                return "TenantNaming.conventional(" + suffix + ")";
            }
        };
    }
}
