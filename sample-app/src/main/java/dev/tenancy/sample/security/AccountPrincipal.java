package dev.tenancy.sample.security;

import dev.tenancy.sample.users.Account;
import dev.tenancy.sample.users.Role;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The signed-in user as Spring Security holds them: id, user name, role and authorities in the schema they signed in
 * to. The password hash is only held until authentication succeeds.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    /** The authority of users who may create users in their tenant. */
    public static final String CREATE_USERS = "CREATE_USERS";

    private final long id;
    private final String username;
    private final boolean enabled;
    private final Role role;
    private final List<GrantedAuthority> authorities;
    private String passwordHash;

    AccountPrincipal(Account account) {
        this.id = account.user().getId();
        this.username = account.user().getUsername();
        this.enabled = account.user().isActive();
        this.passwordHash = account.user().getPasswordHash();
        this.role = account.role();
        List<GrantedAuthority> granted = new ArrayList<>();
        granted.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        if (account.canCreateUsers()) {
            granted.add(new SimpleGrantedAuthority(CREATE_USERS));
        }
        this.authorities = List.copyOf(granted);
    }

    /** The user's id in the schema they signed in to. */
    public long id() {
        return id;
    }

    /** Their role there. */
    public Role role() {
        return role;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + username + ", " + role.value() + "]";
    }
}
