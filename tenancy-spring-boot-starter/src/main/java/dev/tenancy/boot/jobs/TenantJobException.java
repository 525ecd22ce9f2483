package dev.tenancy.boot.jobs;

import dev.tenancy.core.TenancyException;

/** A job failed in one or more tenants; each tenant's failure is attached as a suppressed exception. */
public final class TenantJobException extends TenancyException {

    TenantJobException(String message) {
        super(message);
    }
}
