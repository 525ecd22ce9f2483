package dev.tenancy.sample.tenants;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Changes to a tenant, as {@code PATCH /api/admin/tenants/{id}/} receives them; fields left out (null) stay as
 * they are.
 *
 * @param name a new company name (at most 100 characters)
 * @param subscriptionPlan basic, professional or enterprise
 * @param maxUsers at least 1; lowering it below the current number of users only stops new ones
 * @param active false to deactivate (its hosts are refused at once, its data kept), true to serve it again
 * @param contactEmail a contact e-mail; empty to clear it
 * @param contactPhone a contact phone number (at most 20 characters); empty to clear it
 */
public record TenantChanges(String name, String subscriptionPlan, Integer maxUsers,
        @JsonProperty("is_active") Boolean active, String contactEmail, String contactPhone) {
}
