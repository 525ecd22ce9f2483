package dev.tenancy.boot.audit;

import org.springframework.context.ApplicationEvent;

/**
 * A request was refused a tenant: published by the {@link TenantAccessAuditor} for every refusal (never rate-limited,
 * unlike the log line), for applications to listen to ({@code @EventListener}). Carries no secret: no credential,
 * cookie or header beyond the host.
 */
public class TenantAccessDeniedEvent extends ApplicationEvent {

    private final AccessDenial reason;
    private final String host;
    private final String tenant;
    private final String presentedTenant;
    private final String remoteAddress;

    /**
     * @param reason why
     * @param host the address the request was for, sanitised
     * @param tenant the schema of the tenant at that address, or null when there is none
     * @param presentedTenant for {@link AccessDenial#CROSS_TENANT_CREDENTIALS}, the tenant whose credentials or
     *     session were presented; else null
     * @param remoteAddress the client's address as the server saw it
     */
    public TenantAccessDeniedEvent(Object source, AccessDenial reason, String host, String tenant,
            String presentedTenant, String remoteAddress) {
        super(source);
        this.reason = reason;
        this.host = host;
        this.tenant = tenant;
        this.presentedTenant = presentedTenant;
        this.remoteAddress = remoteAddress;
    }

    public AccessDenial reason() {
        return reason;
    }

    public String host() {
        return host;
    }

    public String tenant() {
        return tenant;
    }

    public String presentedTenant() {
        return presentedTenant;
    }

    public String remoteAddress() {
        return remoteAddress;
    }
}
