package dev.tenancy.sample.security;

import dev.tenancy.sample.users.UserAccounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds users in the request's schema: the tenant filter runs before Spring Security, so on a tenant's host this
 * reads that tenant's users and on the public host the platform's. A user of another tenant (or the super super
 * admin on a tenant's host) is simply not found.
 */
@Component
class AccountDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    AccountDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(username).map(AccountPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such user here."));
    }
}
