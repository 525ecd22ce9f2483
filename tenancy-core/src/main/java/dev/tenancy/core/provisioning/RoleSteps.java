package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.roles.TenantRoles;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

/**
 * What provisioning does for {@linkplain TenantRoles tenant roles}, inside its own transactions: a new tenant's role
 * is made and granted its schema once the schema is built, renamed with the schema, dropped right after it. The
 * schema's migration history is the migrator's alone: the tenant's role is granted nothing on it, so tenant code can
 * neither read nor rewrite which migrations ran. Without tenant roles every step does nothing.
 */
final class RoleSteps {

    private final TenantRoles roles;
    private final DataSource pool;
    private final String sharedSchema;
    private final List<String> extraSchemas;
    private final String historyTable;
    private volatile boolean installed;

    /**
     * @param roles the tenant roles, or {@code null} when tenants have none
     * @param historyTable the bare name of the tenant schemas' migration history table
     */
    RoleSteps(TenantRoles roles, DataSource pool, String sharedSchema, List<String> extraSchemas,
            String historyTable) {
        this.roles = roles;
        this.pool = pool;
        this.sharedSchema = sharedSchema;
        this.extraSchemas = List.copyOf(extraSchemas);
        this.historyTable = historyTable;
    }

    /** Refuses, before anything is written, a schema whose role name would not fit in PostgreSQL's 63 bytes. */
    void checkName(SchemaName schema) {
        if (roles != null) {
            roles.roleName(schema);
        }
    }

    /** {@code schema}'s role name, or {@code null} when tenants have no roles. */
    String roleName(SchemaName schema) {
        return roles == null ? null : roles.roleName(schema);
    }

    /** Whether tenants have roles. */
    boolean on() {
        return roles != null;
    }

    /**
     * Makes the tenant's role (when missing) and grants it its schema but not its migration history, in the caller's
     * transaction.
     *
     * @return whether the role had to be made
     */
    boolean enable(Connection transaction, SchemaName schema) throws SQLException {
        if (roles == null) {
            return false;
        }
        prepare();
        boolean created = roles.enable(transaction, schema);
        String history = schema.quoted() + ".\"" + historyTable + "\"";
        if (Jdbc.queryBoolean(transaction, "SELECT to_regclass(?) IS NOT NULL", history)) {
            Jdbc.execute(transaction, "REVOKE ALL ON " + history + " FROM " + roles.quotedRole(schema));
        }
        return created;
    }

    /** Renames the tenant's role with its schema, in the caller's transaction. */
    void rename(Connection transaction, SchemaName from, SchemaName to) throws SQLException {
        if (roles != null) {
            roles.rename(transaction, from, to);
        }
    }

    /** Drops the tenant's role, in the caller's transaction, after its schema. */
    void drop(Connection transaction, SchemaName schema) throws SQLException {
        if (roles != null) {
            roles.drop(transaction, schema);
        }
    }

    /**
     * Once per provisioner, before an operation writes anything: refuses a server or login on which tenant roles
     * cannot work ({@link TenantRoles#checkSupported}) and installs the group role. Does nothing without tenant roles.
     */
    void prepare() throws SQLException {
        if (roles == null || installed) {
            return;
        }
        synchronized (this) {
            if (!installed) {
                try (Connection connection = pool.getConnection()) {
                    roles.install(connection, sharedSchema, extraSchemas);
                }
                installed = true;
            }
        }
    }
}
