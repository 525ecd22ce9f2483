package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.TenantNotFoundException;
import dev.tenancy.core.directory.DomainStore.DomainRecord;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * Deleting a tenant: deactivating it (status INACTIVE, schema and rows kept, hosts refused), or, when its
 * {@code auto_drop_schema} is set or the caller forces it, dropping its schema and removing its rows. Listeners hear
 * {@code beforeDelete} first (the place for a backup before a drop) and may cancel.
 */
final class Removal {

    private final Context context;

    Removal(Context context) {
        this.context = context;
    }

    /** Returns whether the schema was dropped. */
    boolean delete(SchemaName schema, String actor, boolean forceDrop) {
        context.books().install();
        Audit.Action action = forceDrop ? Audit.Action.DROP : Audit.Action.DEACTIVATE;
        try (Connection control = context.pool().getConnection(); AdvisoryLocks locks = new AdvisoryLocks(control)) {
            context.roles().prepare();
            if (!locks.tryLock(AdvisoryLocks.tenantKey(schema))) {
                throw TenantConflictException.busy(schema);
            }
            TenantRows.Row row = context.rows().find(control, schema, false)
                    .orElseThrow(() -> TenantNotFoundException.schema(schema));
            if (row.status() == TenantStatus.PROVISIONING) {
                throw TenantConflictException.busy(schema);
            }
            boolean drop = forceDrop || row.autoDropSchema();
            if (drop) {
                SchemaDrops.refuseProtected(context, schema, "drop");
            }
            action = drop ? Audit.Action.DROP : Audit.Action.DEACTIVATE;
            List<String> hosts = context.domains().list(control, row.id()).stream().map(DomainRecord::domain).toList();
            TenantInfo info = new TenantInfo(row.id(), schema, hosts, actor);
            for (TenantListener listener : context.listeners()) {
                listener.beforeDelete(info, drop);
            }
            Audit audit = Audit.success(actor, action, schema, Map.of("domains", String.join(",", hosts)));
            Jdbc.inTransaction(control, tx -> {
                if (drop) {
                    SchemaDrops.dropOwned(tx, context, row.id(), schema);
                    context.roles().drop(tx, schema);
                    context.rows().delete(tx, row.id());
                } else {
                    context.rows().setStatus(tx, row.id(), TenantStatus.INACTIVE);
                }
                context.books().record(tx, audit);
                Context.announce(tx, schema, hosts);
                return null;
            });
            context.evict(schema, hosts);
            for (TenantListener listener : context.listeners()) {
                try {
                    listener.afterDelete(info, drop);
                } catch (RuntimeException e) {
                    Context.warn("A TenantListener failed in afterDelete for " + schema, e);
                }
            }
            return drop;
        } catch (Exception e) {
            context.books().recordAlone(Audit.failure(actor, action, schema, Map.of(), e));
            throw Context.failure("Deleting tenant '" + schema + "' failed and nothing was changed", e);
        }
    }
}
