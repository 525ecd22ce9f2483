package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;

/**
 * Another provisioning operation on the same tenant (a creation, deletion, rename or domain change, in this process
 * or another) is in progress, or the tenant is still being created. Nothing was changed; try again shortly.
 */
public final class TenantBusyException extends TenancyException {

    private static final long serialVersionUID = 1L;

    TenantBusyException(SchemaName schema) {
        super("The tenant '" + schema + "' is being created or changed by another operation right now; nothing was "
                + "changed. Try again in a moment. A tenant left in state PROVISIONING by a crash is removed by "
                + "TenantProvisioner.recoverInterrupted().");
    }
}
