package dev.tenancy.boot.security;

import dev.tenancy.boot.audit.TenantAccessAuditor;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Binds the security context repository an {@code HttpSecurity} ends up with to the request's tenant, by wrapping it
 * in a {@link TenantBoundSecurityContextRepository}: the application's own repository, Spring Security's default
 * (request attribute, then HTTP session), or a stateless chain's request-attribute repository (which keeps no
 * session, so stays stateless). It does so when the chain is built, after the application's configuration, so it
 * sees what the application chose.
 */
public final class TenantBoundSessionsConfigurer
        extends AbstractHttpConfigurer<TenantBoundSessionsConfigurer, HttpSecurity> {

    private final Supplier<TenantAccessAuditor> auditor;

    /** Binds sessions to their tenant without auditing sessions presented on another site. */
    public TenantBoundSessionsConfigurer() {
        this(() -> null);
    }

    /**
     * Binds sessions to their tenant and reports sessions presented on another site to the auditor
     * {@code auditor} supplies when the chain is built (none when it supplies null).
     */
    public TenantBoundSessionsConfigurer(Supplier<TenantAccessAuditor> auditor) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    @Override
    public void init(HttpSecurity http) {
        SecurityContextRepository chosen = http.getSharedObject(SecurityContextRepository.class);
        if (chosen instanceof TenantBoundSecurityContextRepository) {
            return;
        }
        SecurityContextRepository repository = chosen != null ? chosen : new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        http.setSharedObject(SecurityContextRepository.class,
                new TenantBoundSecurityContextRepository(repository, auditor.get()));
    }
}
