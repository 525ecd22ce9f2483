package dev.tenancy.sample.users;

import dev.tenancy.core.Tenants;
import dev.tenancy.sample.web.RequestRefusedException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Creates and reads user accounts in the schema the code runs in: the public schema for platform administrators,
 * the current tenant's schema for its users. Passwords are hashed here and never stored, logged or returned.
 */
@Service
public class UserAccounts {

    private final AppUserRepository users;
    private final SuperSuperAdminRepository superSuperAdmins;
    private final TenantSuperAdminRepository tenantSuperAdmins;
    private final PasswordEncoder passwords;

    UserAccounts(AppUserRepository users, SuperSuperAdminRepository superSuperAdmins,
            TenantSuperAdminRepository tenantSuperAdmins, PasswordEncoder passwords) {
        this.users = users;
        this.superSuperAdmins = superSuperAdmins;
        this.tenantSuperAdmins = tenantSuperAdmins;
        this.passwords = passwords;
    }

    /**
     * Creates a super super admin in public, unless a public user already has {@code username}.
     *
     * @return false, changing nothing, when the user name is taken
     */
    @Transactional
    public boolean createSuperSuperAdmin(String username, String email, String password) {
        requirePublic();
        if (users.existsByUsername(username)) {
            return false;
        }
        AppUser user = users.save(new AppUser(username, email, passwords.encode(password)));
        superSuperAdmins.save(new SuperSuperAdmin(user));
        return true;
    }

    /**
     * Creates the current tenant's super admin, whose user name is their e-mail address.
     *
     * @throws RequestRefusedException (conflict) when the tenant already has that user name
     */
    @Transactional
    public AppUser createTenantSuperAdmin(String email, String password) {
        Tenants.require();
        AppUser user = insert(new AppUser(email, email, passwords.encode(password)));
        tenantSuperAdmins.save(new TenantSuperAdmin(user));
        return user;
    }

    /**
     * Creates a user of the current tenant, within its {@code max_users}.
     *
     * @param tenantId the current tenant's row id
     * @throws RequestRefusedException (limit reached) when the tenant has {@code max_users} users already;
     *     (conflict) when the user name is taken
     */
    @Transactional
    public AppUser createUser(long tenantId, NewUser newUser) {
        Tenants.require();
        int maxUsers = users.lockUserLimit(tenantId).orElseThrow(() -> new IllegalStateException(
                "The current tenant's row is missing."));
        if (users.count() >= maxUsers) {
            throw RequestRefusedException.limitReached("This tenant has reached its limit of " + maxUsers
                    + " users. Ask the platform administrator to raise max_users, or remove a user first.");
        }
        AppUser user = new AppUser(newUser.username(), newUser.email(), passwords.encode(newUser.password()));
        user.setNames(newUser.firstName(), newUser.lastName());
        return insert(user);
    }

    private AppUser insert(AppUser user) {
        if (users.existsByUsername(user.getUsername())) {
            throw taken(user.getUsername());
        }
        try {
            return users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            throw taken(user.getUsername());
        }
    }

    private static RequestRefusedException taken(String username) {
        return RequestRefusedException.conflict("The username '" + username + "' is taken. Choose another.");
    }

    /**
     * Deactivates the current tenant's user {@code id}: they can no longer sign in; their account is kept.
     *
     * @param actingUserId the signed-in administrator, who may not deactivate themselves
     * @throws RequestRefusedException (not found) when the tenant has no such user; (forbidden) for oneself
     */
    @Transactional
    public AppUser deactivate(long id, long actingUserId) {
        Tenants.require();
        if (id == actingUserId) {
            throw RequestRefusedException.forbidden("You cannot deactivate your own account.");
        }
        AppUser user = users.findById(id).orElseThrow(() -> RequestRefusedException.notFound(
                "This tenant has no user with the id " + id + "."));
        user.deactivate();
        return users.saveAndFlush(user);
    }

    /** The users of the schema the code runs in, oldest first. */
    @Transactional(readOnly = true)
    public List<AppUser> list() {
        return users.findAllByOrderById();
    }

    /** The account with {@code username} in the schema the code runs in, with its role there. */
    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return users.findByUsername(username).map(this::account);
    }

    private Account account(AppUser user) {
        if (Tenants.inPublic()) {
            return new Account(user, superSuperAdmins.existsByUserId(user.getId()) ? Role.SUPER_SUPER_ADMIN
                    : Role.USER, false);
        }
        return tenantSuperAdmins.findByUserId(user.getId())
                .map(admin -> new Account(user, Role.TENANT_SUPER_ADMIN, admin.canCreateUsers()))
                .orElseGet(() -> new Account(user, Role.USER, false));
    }

    private static void requirePublic() {
        if (!Tenants.inPublic()) {
            throw new IllegalStateException("Super super admins live in the public schema; run this outside any "
                    + "tenant.");
        }
    }
}
