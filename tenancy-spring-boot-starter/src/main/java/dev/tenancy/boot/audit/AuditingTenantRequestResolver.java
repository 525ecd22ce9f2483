package dev.tenancy.boot.audit;

import dev.tenancy.boot.web.TenantRequestResolver;
import dev.tenancy.boot.web.TenantResolution;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import jakarta.servlet.http.HttpServletRequest;

/** Audits the refusals the tenant filter will make for the application's {@link TenantRequestResolver}. */
final class AuditingTenantRequestResolver implements TenantRequestResolver {

    private final TenantRequestResolver delegate;
    private final TenantAccessAuditor auditor;
    private final boolean unknownServedAsPublic;

    /** {@code unknownServedAsPublic}: unknown addresses are served in public (so not refused, not audited). */
    AuditingTenantRequestResolver(TenantRequestResolver delegate, TenantAccessAuditor auditor,
            boolean unknownServedAsPublic) {
        this.delegate = delegate;
        this.auditor = auditor;
        this.unknownServedAsPublic = unknownServedAsPublic;
    }

    @Override
    public TenantResolution resolve(HttpServletRequest request) {
        TenantResolution resolution = delegate.resolve(request);
        switch (resolution.outcome()) {
            case NOT_FOUND -> {
                if (!unknownServedAsPublic) {
                    auditor.denied(request, AccessDenial.UNKNOWN_HOST, null);
                }
            }
            case INVALID -> auditor.denied(request, AccessDenial.INVALID_HOST, null);
            case TENANT -> {
                TenantRecord tenant = resolution.tenant();
                if (tenant.status() == TenantStatus.PROVISIONING) {
                    auditor.denied(request, AccessDenial.TENANT_PROVISIONING, tenant.schema().value());
                } else if (!tenant.isServed()) {
                    auditor.denied(request, AccessDenial.TENANT_INACTIVE, tenant.schema().value());
                }
            }
            case PUBLIC -> { }
        }
        return resolution;
    }

    /** Audited as an invalid address, then passed on. */
    @Override
    public void refusedUnread(HttpServletRequest request) {
        auditor.denied(request, AccessDenial.INVALID_HOST, null);
        delegate.refusedUnread(request);
    }
}
