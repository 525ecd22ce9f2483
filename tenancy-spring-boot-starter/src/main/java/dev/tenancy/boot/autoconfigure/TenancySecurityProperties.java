package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tenancy's Spring Security integration, under {@code tenancy.security.*}. */
@ConfigurationProperties("tenancy.security")
public class TenancySecurityProperties {

    /**
     * Whether sign-ins kept in the HTTP session are bound to the tenant they were made on: Tenancy installs its
     * TenantBoundSecurityContextRepository in every HttpSecurity, so a session signed in on tenant A is not signed
     * in on tenant B or on the public site. Switch off only if the application binds sessions itself.
     */
    private boolean tenantBoundSessions = true;

    public boolean isTenantBoundSessions() {
        return tenantBoundSessions;
    }

    public void setTenantBoundSessions(boolean tenantBoundSessions) {
        this.tenantBoundSessions = tenantBoundSessions;
    }
}
