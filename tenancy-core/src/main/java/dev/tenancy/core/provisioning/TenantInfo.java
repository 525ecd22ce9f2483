package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;

import java.util.List;
import java.util.Objects;

/**
 * A tenant as provisioning sees it: what listeners and application set-up steps are given, and what
 * {@link TenantProvisioner#create(TenantRequest)} returns.
 *
 * @param id the tenant row's id
 * @param schema the tenant's schema
 * @param domains its host names, normalised, primary first (may be empty)
 * @param actor who asked for the change, as recorded in the audit
 */
public record TenantInfo(long id, SchemaName schema, List<String> domains, String actor) {

    /** Checks the fields and copies the domain list. */
    public TenantInfo {
        Objects.requireNonNull(schema, "schema");
        domains = List.copyOf(domains);
        Objects.requireNonNull(actor, "actor");
    }

    /** The primary host name, or {@code null} when the tenant has no domain. */
    public String primaryDomain() {
        return domains.isEmpty() ? null : domains.get(0);
    }
}
