package dev.tenancy.boot.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Binds the security context repository an {@code HttpSecurity} ends up with to the request's tenant, by wrapping it
 * in a {@link TenantBoundSecurityContextRepository}: the application's own repository, Spring Security's default
 * (request attribute, then HTTP session), or a stateless chain's request-attribute repository (which keeps no
 * session, so stays stateless). It does so when the chain is built, after the application's configuration, so it
 * sees what the application chose.
 */
public final class TenantBoundSessionsConfigurer
        extends AbstractHttpConfigurer<TenantBoundSessionsConfigurer, HttpSecurity> {

    @Override
    public void init(HttpSecurity http) {
        SecurityContextRepository chosen = http.getSharedObject(SecurityContextRepository.class);
        if (chosen instanceof TenantBoundSecurityContextRepository) {
            return;
        }
        SecurityContextRepository repository = chosen != null ? chosen : new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        http.setSharedObject(SecurityContextRepository.class, new TenantBoundSecurityContextRepository(repository));
    }
}
