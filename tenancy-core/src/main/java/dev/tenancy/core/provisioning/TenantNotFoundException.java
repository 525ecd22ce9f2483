package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;

/** No tenant row has the given schema (or host name); nothing was changed. */
public final class TenantNotFoundException extends TenancyException {

    private static final long serialVersionUID = 1L;

    TenantNotFoundException(String message) {
        super(message);
    }

    static TenantNotFoundException schema(SchemaName schema) {
        return new TenantNotFoundException("No tenant has the schema '" + schema + "'. Check the name, or list the "
                + "tenants to find it.");
    }
}
