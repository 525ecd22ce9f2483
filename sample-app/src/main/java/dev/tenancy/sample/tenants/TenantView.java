package dev.tenancy.sample.tenants;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A tenant as the platform API shows it to super super admins.
 *
 * @param id the tenant's id
 * @param name the company name
 * @param schemaName its PostgreSQL schema (platform operators only; tenant users never see it)
 * @param domain its primary host name
 * @param subscriptionPlan basic, professional or enterprise
 * @param maxUsers how many users it may have
 * @param active whether its hosts are served
 * @param contactEmail contact e-mail, may be null
 * @param contactPhone contact phone, may be null
 * @param createdOn when it was created
 * @param updatedOn when it last changed
 */
public record TenantView(long id, String name, String schemaName, String domain, String subscriptionPlan,
        int maxUsers, @JsonProperty("is_active") boolean active, String contactEmail, String contactPhone,
        Instant createdOn, Instant updatedOn) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.getId(), tenant.getName(), tenant.getSchemaName(),
                tenant.primaryDomain().orElse(null), tenant.getSubscriptionPlan().value(), tenant.getMaxUsers(),
                tenant.isActive(), tenant.getContactEmail(), tenant.getContactPhone(), tenant.getCreatedOn(),
                tenant.getUpdatedOn());
    }
}
