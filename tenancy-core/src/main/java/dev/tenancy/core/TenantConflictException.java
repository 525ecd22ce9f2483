package dev.tenancy.core;

/**
 * An operation was refused because of what exists or is going on right now, not because of its input's form: the
 * schema name is taken (by a tenant, by a schema no tenant owns, or by a creation in progress), the host name is
 * registered already, another provisioning operation holds the tenant, or what the database holds prevents an
 * adoption (a shared table referring to one that would move, a missing source schema). Nothing was changed. A web
 * application answers it with 409; the message says what is in the way: choose another name, change the database
 * first, or try again in a moment.
 */
public class TenantConflictException extends TenancyException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what is in the way and what to do. */
    public TenantConflictException(String message) {
        super(message);
    }

    /** A tenant has the schema already. */
    public static TenantConflictException schemaTaken(SchemaName schema) {
        return new TenantConflictException("A tenant with schema '" + schema + "' already exists. Choose another name.");
    }

    /** A tenant with the schema is being created or changed right now. */
    public static TenantConflictException schemaInProgress(SchemaName schema) {
        return new TenantConflictException("A tenant with schema '" + schema + "' is being created or changed right "
                + "now. Choose another name, or try again in a moment.");
    }

    /** The schema exists in the database but no tenant owns it. */
    public static TenantConflictException straySchema(SchemaName schema) {
        return new TenantConflictException("The schema '" + schema + "' already exists in the database but no tenant "
                + "owns it. Choose another name, or drop or rename that schema first.");
    }

    /** Another provisioning operation holds the tenant, or it is still being created. */
    public static TenantConflictException busy(SchemaName schema) {
        return new TenantConflictException("The tenant '" + schema + "' is being created or changed by another "
                + "operation right now; nothing was changed. Try again in a moment. A tenant left in state "
                + "PROVISIONING by a crash is removed by TenantProvisioner.recoverInterrupted().");
    }

    /** The host name is registered already (to this or another tenant). */
    public static TenantConflictException domainTaken(String domain) {
        return new TenantConflictException("The domain '" + domain + "' is already registered. Choose another host "
                + "name, or remove it from the tenant that has it first.");
    }
}
