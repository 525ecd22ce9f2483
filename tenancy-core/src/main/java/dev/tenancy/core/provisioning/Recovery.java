package dev.tenancy.core.provisioning;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Repairs: removing creations a crash interrupted, and building schemas for tenant rows that have none.
 *
 * <p>An interrupted creation is a ledger entry whose tenant lock is free: a running creation holds the lock on its
 * session until it ends, and a dead process's session (and lock) is gone. Such leftovers are removed, not finished:
 * the application's set-up steps (e.g. the admin user and its password) cannot be replayed after a crash, so the
 * tenant is simply created again.
 */
final class Recovery {

    private static final String ACTOR = "tenancy-recovery";

    private final Context context;

    Recovery(Context context) {
        this.context = context;
    }

    List<SchemaName> recoverInterrupted() {
        context.books().install();
        List<SchemaName> removed = new ArrayList<>();
        try (Connection control = context.pool().getConnection()) {
            for (Bookkeeping.Started started : context.books().inProgress(control)) {
                try (AdvisoryLocks locks = new AdvisoryLocks(control)) {
                    if (locks.tryLock(AdvisoryLocks.tenantKey(started.schema())) && remove(control, started)) {
                        removed.add(started.schema());
                    }
                }
            }
        } catch (Exception e) {
            throw Context.failure("Recovering interrupted creations failed after removing " + removed, e);
        }
        return removed;
    }

    private boolean remove(Connection control, Bookkeeping.Started started) throws Exception {
        SchemaName schema = started.schema();
        List<String> hosts = new ArrayList<>();
        boolean removed = Jdbc.inTransaction(control, tx -> {
            if (!context.books().ended(tx, schema, started.tenantId())) {
                return false;
            }
            Optional<TenantRows.Row> row = context.rows().findById(tx, started.tenantId(), true);
            if (row.isPresent() && row.get().schemaName().equals(schema.value())
                    && row.get().status() == TenantStatus.PROVISIONING) {
                context.domains().list(tx, started.tenantId()).forEach(domain -> hosts.add(domain.domain()));
                SchemaDrops.refuseProtected(context, schema, "drop");
                SchemaDrops.dropOwned(tx, context, started.tenantId(), schema);
                context.roles().drop(tx, schema);
                context.rows().delete(tx, started.tenantId());
            }
            context.books().record(tx, Audit.success(ACTOR, Audit.Action.RECOVER, schema,
                    Map.of("tenantId", Long.toString(started.tenantId()), "domains", String.join(",", hosts))));
            Context.announce(tx, schema, hosts);
            return true;
        });
        context.evict(schema, hosts);
        return removed;
    }

    List<SchemaName> createMissingSchemas(String actor) {
        context.books().install();
        List<SchemaName> created = new ArrayList<>();
        Map<String, Exception> failed = new LinkedHashMap<>();
        try (Connection control = context.pool().getConnection()) {
            context.roles().prepare();
            Set<SchemaName> inProgress = context.books().inProgress(control).stream().map(Bookkeeping.Started::schema)
                    .collect(Collectors.toSet());
            for (TenantRows.Row row : context.rows().withoutSchema(control)) {
                try {
                    SchemaName schema = SchemaName.of(row.schemaName());
                    if (!inProgress.contains(schema) && createSchema(control, row, schema, actor)) {
                        created.add(schema);
                    }
                } catch (TenancyException e) {
                    failed.put(row.schemaName(), e);
                }
            }
        } catch (SQLException e) {
            throw Context.failure("Creating missing schemas failed after creating " + created, e);
        }
        if (!failed.isEmpty()) {
            TenancyException failure = new TenancyException("Created the schemas " + created + ", but not "
                    + "those of " + failed.keySet() + ": " + failed.values().stream().map(Context::describe)
                    .collect(Collectors.joining("; ")) + ". Fix the causes and call createMissingSchemas again.",
                    failed.values().iterator().next());
            failed.values().stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
        return created;
    }

    /** Builds one tenant's missing schema; a PROVISIONING tenant becomes ACTIVE. False when someone else did. */
    private boolean createSchema(Connection control, TenantRows.Row row, SchemaName schema, String actor)
            throws SQLException {
        Map<String, String> details = new LinkedHashMap<>();
        try (AdvisoryLocks locks = new AdvisoryLocks(control)) {
            if (!locks.tryLock(AdvisoryLocks.tenantKey(schema)) || TenantRows.schemaExists(control, schema)) {
                return false;
            }
            try {
                context.roles().checkName(schema);
                details.put("source", context.schemas().build(control, schema).name());
                Jdbc.inTransaction(control, tx -> {
                    context.roles().enable(tx, schema);
                    if (context.rows().findById(tx, row.id(), true).map(TenantRows.Row::status)
                            .orElse(null) == TenantStatus.PROVISIONING) {
                        context.rows().setStatus(tx, row.id(), TenantStatus.ACTIVE);
                    }
                    context.books().record(tx, Audit.success(actor, Audit.Action.CREATE_SCHEMA, schema, details));
                    Context.announce(tx, schema, List.of());
                    return null;
                });
            } catch (Exception e) {
                try {
                    Jdbc.inTransaction(control, tx -> SchemaDrops.dropOwned(tx, context, row.id(), schema));
                } catch (Exception cleanup) {
                    e.addSuppressed(cleanup);
                }
                context.books().recordAlone(Audit.failure(actor, Audit.Action.CREATE_SCHEMA, schema, details, e));
                throw new TenancyException("Building the schema of tenant '" + schema + "' failed: "
                        + Context.describe(e), e);
            }
        }
        context.evict(schema, List.of());
        return true;
    }
}
