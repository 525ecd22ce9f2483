package dev.tenancy.sample.tenants;

/**
 * A tenant that was just registered.
 *
 * @param id its row id
 * @param schemaName its PostgreSQL schema
 * @param domain its primary host name
 * @param adminUsername its super admin's user name (their e-mail address)
 */
public record RegisteredTenant(long id, String schemaName, String domain, String adminUsername) {
}
