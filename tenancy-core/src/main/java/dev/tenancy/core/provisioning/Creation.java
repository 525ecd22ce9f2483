package dev.tenancy.core.provisioning;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.TenantNotFoundException;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.model.TenantMixin.TenantStatus;
import dev.tenancy.core.provisioning.TenantListener.CreationMode;
import dev.tenancy.core.provisioning.TenantRequest.NewTenant;
import dev.tenancy.core.provisioning.TenantRequest.TenantSetup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creating a tenant (or cloning one), all or nothing: validate everything; claim the name (advisory lock, tenant row
 * PROVISIONING, domains, ledger entry); build the schema; run listeners and the application's set-up inside the new
 * tenant; mark it ACTIVE. A failure at any step removes exactly what this attempt wrote, so the same tenant can be
 * created again at once.
 *
 * <p>One pooled connection (the "control" connection) holds the tenant's advisory lock for the whole creation and
 * runs the bookkeeping; building the schema and the application's steps take connections of their own.
 */
final class Creation {

    private final Context context;
    private final ProvisioningTransactions transactions;

    Creation(Context context, ProvisioningTransactions transactions) {
        this.context = context;
        this.transactions = transactions;
    }

    /** Creates the tenant; with {@code cloneOf}, as a copy of that tenant (its rows too when {@code withData}). */
    TenantInfo create(TenantRequest request, SchemaName cloneOf, boolean withData) {
        Audit.Action action = cloneOf == null ? Audit.Action.CREATE : Audit.Action.CLONE;
        NewTenant tenant;
        try {
            tenant = request.validate(context.naming(), context.reservedSchemas(), context.reservedSubdomains());
            context.roles().checkName(tenant.schema());
            context.roles().prepare();
        } catch (RuntimeException | SQLException e) {
            context.books().recordAlone(Audit.failure(request.actor(), action, null,
                    Map.of("request", request.describe()), e));
            throw Context.failure("Creating a tenant failed before anything was written", e);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("domains", String.join(",", tenant.domains()));
        details.put("columns", String.join(",", tenant.values().keySet()));
        if (cloneOf != null) {
            details.put("source", cloneOf.value());
            details.put("withData", Boolean.toString(withData));
        }
        long start = System.nanoTime();
        context.books().install();
        try (Connection control = context.pool().getConnection(); AdvisoryLocks locks = new AdvisoryLocks(control)) {
            TenantInfo info = claim(control, locks, tenant, cloneOf, action, details);
            return build(control, tenant, info, new Attempt(cloneOf, withData, action, details, start));
        } catch (SQLException e) {
            throw new TenancyException("Creating tenant '" + tenant.schema() + "' failed: the database could not "
                    + "be reached (" + Context.describe(e) + ").", e);
        }
    }

    /** Checks the request against the database and writes the PROVISIONING row, its domains and the ledger entry. */
    private TenantInfo claim(Connection control, AdvisoryLocks locks, NewTenant tenant, SchemaName cloneOf,
            Audit.Action action, Map<String, String> details) {
        SchemaName schema = tenant.schema();
        try {
            if (!locks.tryLock(AdvisoryLocks.tenantKey(schema))) {
                throw TenantConflictException.schemaInProgress(schema);
            }
            if (cloneOf != null && !locks.tryLock(AdvisoryLocks.tenantKey(cloneOf))) {
                throw TenantConflictException.busy(cloneOf);
            }
            Map<String, TenantRows.Column> columns = context.rows().columns(control);
            List<String> problems = TenantRows.problems(tenant.values(), columns);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            if (context.rows().find(control, schema, false).isPresent()) {
                throw TenantConflictException.schemaTaken(schema);
            }
            if (TenantRows.schemaExists(control, schema)) {
                throw TenantConflictException.straySchema(schema);
            }
            List<String> taken = context.rows().takenDomains(control, tenant.domains());
            if (!taken.isEmpty()) {
                throw TenantConflictException.domainTaken(taken.get(0));
            }
            if (cloneOf != null) {
                TenantRows.Row source = context.rows().find(control, cloneOf, false)
                        .orElseThrow(() -> TenantNotFoundException.schema(cloneOf));
                if (source.status() == TenantStatus.PROVISIONING) {
                    throw TenantConflictException.busy(cloneOf);
                }
            }
            return Jdbc.inTransaction(control, tx -> insert(tx, tenant, columns));
        } catch (Exception e) {
            context.books().recordAlone(Audit.failure(tenant.actor(), action, schema, details, e));
            throw Context.failure("Creating tenant '" + schema + "' failed before anything was written", e);
        }
    }

    private TenantInfo insert(Connection transaction, NewTenant tenant, Map<String, TenantRows.Column> columns)
            throws SQLException {
        long id;
        try {
            id = context.rows().insert(transaction, tenant.schema(), tenant.autoDropSchema(), tenant.values(), columns);
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw TenantConflictException.schemaTaken(tenant.schema());
            }
            throw e;
        }
        List<String> domains = tenant.domains();
        for (int i = 0; i < domains.size(); i++) {
            context.domains().add(transaction, id, domains.get(i), i == 0);
        }
        context.books().started(transaction, tenant.schema(), id, tenant.actor());
        return new TenantInfo(id, tenant.schema(), domains, tenant.actor());
    }

    /**
     * What one creation is about.
     *
     * @param cloneOf the tenant to copy, or null
     * @param withData whether to copy {@code cloneOf}'s rows
     * @param action what the audit records
     * @param details the audit's details, filled in as the creation goes
     * @param start when the creation started ({@link System#nanoTime()})
     */
    private record Attempt(SchemaName cloneOf, boolean withData, Audit.Action action, Map<String, String> details,
            long start) {
    }

    /** Builds the schema, runs the listeners and set-up steps, and activates; removes everything on failure. */
    private TenantInfo build(Connection control, NewTenant tenant, TenantInfo info, Attempt attempt) {
        SchemaName cloneOf = attempt.cloneOf();
        Audit.Action action = attempt.action();
        Map<String, String> details = attempt.details();
        context.evict(info.schema(), info.domains());
        CreationMode mode = cloneOf != null ? CreationMode.CLONE
                : context.schemas().template() != null ? CreationMode.TEMPLATE : CreationMode.MIGRATIONS;
        String step = "running the beforeCreate listeners";
        try {
            for (TenantListener listener : context.listeners()) {
                listener.beforeCreate(info);
            }
            step = "building the schema";
            if (cloneOf == null) {
                SchemaFactory.Source source = context.schemas().build(control, info.schema());
                mode = source == SchemaFactory.Source.TEMPLATE ? CreationMode.TEMPLATE : CreationMode.MIGRATIONS;
                details.put("source", source.name());
            } else {
                context.schemas().copy(cloneOf, info.schema(), attempt.withData(), context.roles().roleName(cloneOf));
            }
            step = "giving the tenant its PostgreSQL role";
            Jdbc.inTransaction(control, tx -> {
                context.roles().enable(tx, info.schema());
                return null;
            });
            step = "running the afterSchemaReady listeners";
            for (TenantListener listener : context.listeners()) {
                listener.afterSchemaReady(info);
            }
            step = "running the application's set-up steps";
            for (TenantSetup setUp : tenant.setUps()) {
                Tenants.run(info.schema(), () -> transactions.inNewTransaction(() -> setUp.setUp(info)));
            }
            step = "activating the tenant (afterCreate listeners included)";
            Jdbc.inTransaction(control, tx -> {
                context.rows().setStatus(tx, info.id(), TenantStatus.ACTIVE);
                context.books().ended(tx, info.schema(), info.id());
                context.books().record(tx, Audit.success(info.actor(), action, info.schema(), details));
                Context.announce(tx, info.schema(), info.domains());
                for (TenantListener listener : context.listeners()) {
                    listener.afterCreate(info);
                }
                return null;
            });
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            TenancyException failure = failed(control, info, action, details, step, e);
            context.ended(info.schema(), mode, false, attempt.start());
            if (e instanceof Error error) {
                error.addSuppressed(failure);
                throw error;
            }
            throw failure;
        }
        context.evict(info.schema(), info.domains());
        context.ended(info.schema(), mode, true, attempt.start());
        return info;
    }

    private TenancyException failed(Connection control, TenantInfo info, Audit.Action action,
            Map<String, String> details, String step, Throwable cause) {
        String message = "Creating tenant '" + info.schema() + "' failed while " + step + ": "
                + Context.describe(cause);
        TenancyException failure;
        try {
            Jdbc.inTransaction(control, tx -> {
                SchemaDrops.dropOwned(tx, context, info.id(), info.schema());
                context.roles().drop(tx, info.schema());
                context.rows().delete(tx, info.id());
                context.books().ended(tx, info.schema(), info.id());
                Context.announce(tx, info.schema(), info.domains());
                return null;
            });
            failure = new TenancyException(message + " Everything this attempt had written was removed; fix the "
                    + "cause and create the tenant again.", cause);
        } catch (Exception cleanup) {
            failure = new TenancyException(message + " Removing what it had written failed too ("
                    + Context.describe(cleanup) + "); TenantProvisioner.recoverInterrupted() removes the leftovers.",
                    cause);
            failure.addSuppressed(cleanup);
        }
        context.books().recordAlone(Audit.failure(info.actor(), action, info.schema(), details, cause));
        context.evict(info.schema(), info.domains());
        Exception reported = cause instanceof Exception exception ? exception : failure;
        for (TenantListener listener : context.listeners()) {
            try {
                listener.createFailed(info, reported);
            } catch (RuntimeException e) {
                Context.warn("A TenantListener failed in createFailed for " + info.schema(), e);
            }
        }
        return failure;
    }
}
