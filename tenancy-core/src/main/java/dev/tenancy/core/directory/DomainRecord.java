package dev.tenancy.core.directory;

/**
 * A host name that serves a tenant.
 *
 * @param id the domain row's id
 * @param domain the normalised host name
 * @param tenantId the id of the tenant it serves
 * @param primary whether it is the tenant's primary domain
 */
public record DomainRecord(long id, String domain, long tenantId, boolean primary) {
}
