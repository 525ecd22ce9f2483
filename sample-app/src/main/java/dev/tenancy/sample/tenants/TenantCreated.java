package dev.tenancy.sample.tenants;

/**
 * The answer to {@code POST /api/admin/tenants/}, as in the requirements.
 *
 * @param status always {@code success}
 * @param tenantId the new tenant's id
 * @param schemaName its schema
 * @param domain its host name
 */
public record TenantCreated(String status, long tenantId, String schemaName, String domain) {

    static TenantCreated of(RegisteredTenant tenant) {
        return new TenantCreated("success", tenant.id(), tenant.schemaName(), tenant.domain());
    }
}
