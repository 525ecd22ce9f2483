package dev.tenancy.core;

/** No tenant has the given schema (or host name); nothing was changed. A web application answers it with 404. */
public class TenantNotFoundException extends TenancyException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what was looked for and how to find it. */
    public TenantNotFoundException(String message) {
        super(message);
    }

    /** The exception for a schema no tenant has. */
    public static TenantNotFoundException schema(SchemaName schema) {
        return new TenantNotFoundException("No tenant has the schema '" + schema + "'. Check the name, or list the "
                + "tenants to find it.");
    }
}
