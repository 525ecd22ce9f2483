package dev.tenancy.sample.users;

/**
 * A user together with what they may do in the schema they were read from.
 *
 * @param user the user
 * @param role their role there
 * @param canCreateUsers whether they may create users (a tenant super admin with {@code can_create_users})
 */
public record Account(AppUser user, Role role, boolean canCreateUsers) {
}
