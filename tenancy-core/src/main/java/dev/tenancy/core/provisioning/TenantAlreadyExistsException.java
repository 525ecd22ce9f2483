package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;

/**
 * A tenant could not be created or renamed because its schema name is taken: by another tenant, by a tenant being
 * created at this moment, or by a schema that exists in the database without a tenant. Nothing was written.
 */
public final class TenantAlreadyExistsException extends TenancyException {

    private static final long serialVersionUID = 1L;

    private final transient SchemaName schema;

    TenantAlreadyExistsException(SchemaName schema, String message) {
        super(message);
        this.schema = schema;
    }

    static TenantAlreadyExistsException tenant(SchemaName schema) {
        return new TenantAlreadyExistsException(schema, "A tenant with schema '" + schema + "' already exists. "
                + "Choose another name.");
    }

    static TenantAlreadyExistsException inProgress(SchemaName schema) {
        return new TenantAlreadyExistsException(schema, "A tenant with schema '" + schema + "' is being created or "
                + "changed right now. Choose another name, or try again in a moment.");
    }

    static TenantAlreadyExistsException straySchema(SchemaName schema) {
        return new TenantAlreadyExistsException(schema, "The schema '" + schema + "' already exists in the database "
                + "but no tenant owns it. Choose another name, or drop or rename that schema first.");
    }

    /** The schema name that is taken. */
    public SchemaName schema() {
        return schema;
    }
}
