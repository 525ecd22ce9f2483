package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.model.TenantMixin.TenantStatus;
import dev.tenancy.core.provisioning.TenantProvisioner.RoleResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Switches an existing fleet to tenant roles: for every tenant whose schema exists, under its lock and in a
 * transaction of its own, makes its role when missing, lets the login role switch to it and grants it its schema.
 * One tenant's failure leaves the others done; run it again after fixing the cause: tenants already done are granted
 * again, which changes nothing.
 */
final class RoleEnabling {

    private final Context context;

    RoleEnabling(Context context) {
        this.context = context;
    }

    List<RoleResult> enableAll(String actor) {
        if (!context.roles().on()) {
            throw new IllegalStateException("Tenant roles are off: build the TenantAwareDataSource with "
                    + "tenantRoles(...) (tenancy.roles.enabled=true) before enabling them for the fleet.");
        }
        context.books().install();
        List<RoleResult> results = new ArrayList<>();
        try (Connection control = context.pool().getConnection()) {
            context.roles().prepare();
            for (TenantRows.Row row : context.rows().withSchema(control)) {
                results.add(enable(control, row, actor));
            }
        } catch (SQLException e) {
            throw Context.failure("Enabling tenant roles failed after " + results.size() + " tenants", e);
        }
        return results;
    }

    private RoleResult enable(Connection control, TenantRows.Row row, String actor) throws SQLException {
        SchemaName schema = SchemaName.of(row.schemaName());
        try (AdvisoryLocks locks = new AdvisoryLocks(control)) {
            if (row.status() == TenantStatus.PROVISIONING || !locks.tryLock(AdvisoryLocks.tenantKey(schema))) {
                return new RoleResult(schema, false, "busy: another operation on the tenant is in progress");
            }
            boolean created = Jdbc.inTransaction(control, tx -> {
                boolean made = context.roles().enable(tx, schema);
                context.books().record(tx, Audit.success(actor, Audit.Action.ENABLE_ROLE, schema,
                        Map.of("created", Boolean.toString(made))));
                return made;
            });
            return new RoleResult(schema, created, null);
        } catch (Exception e) {
            context.books().recordAlone(Audit.failure(actor, Audit.Action.ENABLE_ROLE, schema, Map.of(), e));
            return new RoleResult(schema, false, Context.describe(e));
        }
    }
}
