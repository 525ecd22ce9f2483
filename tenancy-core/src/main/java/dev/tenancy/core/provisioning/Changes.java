package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.TenantNotFoundException;
import dev.tenancy.core.directory.DomainStore.DomainRecord;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renaming a tenant's schema and changing its domains, each in one transaction under the tenant's lock. */
final class Changes {

    private final Context context;

    Changes(Context context) {
        this.context = context;
    }

    /** Renames the schema and the tenant row's {@code schema_name} together. */
    void rename(SchemaName from, SchemaName requested, String actor) {
        context.books().install();
        Map<String, String> details = Map.of("from", from.value(), "to", requested.value());
        try (Connection control = context.pool().getConnection(); AdvisoryLocks locks = new AdvisoryLocks(control)) {
            SchemaDrops.refuseProtected(context, from, "rename");
            SchemaName to = SchemaName.of(requested.value(), context.reservedSchemas());
            context.roles().checkName(to);
            context.roles().prepare();
            if (!locks.tryLock(AdvisoryLocks.tenantKey(from))) {
                throw TenantConflictException.busy(from);
            }
            if (!locks.tryLock(AdvisoryLocks.tenantKey(to))) {
                throw TenantConflictException.schemaInProgress(to);
            }
            List<String> hosts = Jdbc.inTransaction(control, tx -> {
                TenantRows.Row row = context.rows().find(tx, from, true)
                        .orElseThrow(() -> TenantNotFoundException.schema(from));
                if (row.status() == TenantStatus.PROVISIONING) {
                    throw TenantConflictException.busy(from);
                }
                if (context.rows().find(tx, to, false).isPresent()) {
                    throw TenantConflictException.schemaTaken(to);
                }
                if (TenantRows.schemaExists(tx, to)) {
                    throw TenantConflictException.straySchema(to);
                }
                if (TenantRows.schemaExists(tx, from)) {
                    Jdbc.execute(tx, "ALTER SCHEMA " + from.quoted() + " RENAME TO " + to.quoted());
                }
                context.roles().rename(tx, from, to);
                context.rows().rename(tx, row.id(), to);
                context.books().record(tx, Audit.success(actor, Audit.Action.RENAME, to, details));
                List<String> domains = context.domains().list(tx, row.id()).stream().map(DomainRecord::domain).toList();
                Context.announce(tx, from, domains);
                return domains;
            });
            context.evict(from, hosts);
        } catch (Exception e) {
            context.books().recordAlone(Audit.failure(actor, Audit.Action.RENAME, from, details, e));
            throw Context.failure("Renaming schema '" + from + "' failed and nothing was changed", e);
        }
    }

    /** Sets the tenant ACTIVE ({@code served}) or INACTIVE; refused while it is being provisioned. */
    void setServed(SchemaName schema, boolean served, String actor) {
        context.books().install();
        Audit.Action action = served ? Audit.Action.ACTIVATE : Audit.Action.DEACTIVATE;
        try (Connection control = context.pool().getConnection(); AdvisoryLocks locks = new AdvisoryLocks(control)) {
            if (!locks.tryLock(AdvisoryLocks.tenantKey(schema))) {
                throw TenantConflictException.busy(schema);
            }
            List<String> hosts = Jdbc.inTransaction(control, tx -> {
                TenantRows.Row row = context.rows().find(tx, schema, true)
                        .orElseThrow(() -> TenantNotFoundException.schema(schema));
                if (row.status() == TenantStatus.PROVISIONING) {
                    throw TenantConflictException.busy(schema);
                }
                context.rows().setStatus(tx, row.id(), served ? TenantStatus.ACTIVE : TenantStatus.INACTIVE);
                context.books().record(tx, Audit.success(actor, action, schema, Map.of()));
                List<String> domains = context.domains().list(tx, row.id()).stream().map(DomainRecord::domain).toList();
                Context.announce(tx, schema, domains);
                return domains;
            });
            context.evict(schema, hosts);
        } catch (Exception e) {
            context.books().recordAlone(Audit.failure(actor, action, schema, Map.of(), e));
            throw Context.failure((served ? "Activating" : "Deactivating") + " tenant '" + schema + "' failed and "
                    + "nothing was changed", e);
        }
    }

    /** Adds a host name to the tenant; {@code primary} (or being its first) makes it the primary one. */
    void addDomain(SchemaName schema, String host, boolean primary, String actor) {
        context.books().install();
        Map<String, String> details = Map.of("domain", String.valueOf(host), "primary", Boolean.toString(primary));
        try (Connection control = context.pool().getConnection(); AdvisoryLocks locks = new AdvisoryLocks(control)) {
            String domain = TenantDirectory.normaliseHost(host);
            if (!locks.tryLock(AdvisoryLocks.tenantKey(schema))) {
                throw TenantConflictException.busy(schema);
            }
            Jdbc.inTransaction(control, tx -> {
                TenantRows.Row row = context.rows().find(tx, schema, true)
                        .orElseThrow(() -> TenantNotFoundException.schema(schema));
                context.domains().add(tx, row.id(), domain, primary);
                context.books().record(tx, Audit.success(actor, Audit.Action.ADD_DOMAIN, schema, details));
                Context.announce(tx, schema, List.of(domain));
                return null;
            });
            context.evict(schema, List.of(domain));
        } catch (Exception e) {
            context.books().recordAlone(Audit.failure(actor, Audit.Action.ADD_DOMAIN, schema, details, e));
            throw Context.failure("Adding domain '" + host + "' failed and nothing was changed", e);
        }
    }

    /**
     * Removes a host name from its tenant; when it was primary, the tenant's oldest remaining domain becomes primary.
     * The owner is read again under the tenant's lock and row lock: when the host changed hands or the tenant was
     * renamed meanwhile, nothing is removed and the caller is told to try again.
     *
     * @return false when no tenant has the host
     */
    boolean removeDomain(String host, String actor) {
        context.books().install();
        Map<String, String> details = Map.of("domain", String.valueOf(host));
        SchemaName schema = null;
        try (Connection control = context.pool().getConnection(); AdvisoryLocks locks = new AdvisoryLocks(control)) {
            String domain = TenantDirectory.normaliseHost(host);
            Optional<DomainRecord> found = context.domains().find(control, domain);
            if (found.isEmpty()) {
                return false;
            }
            Optional<TenantRows.Row> owner = context.rows().findById(control, found.get().tenantId(), false);
            if (owner.isEmpty()) {
                return false;
            }
            schema = SchemaName.of(owner.get().schemaName());
            if (!locks.tryLock(AdvisoryLocks.tenantKey(schema))) {
                throw TenantConflictException.busy(schema);
            }
            SchemaName tenant = schema;
            boolean removed = Jdbc.inTransaction(control, tx -> {
                Optional<TenantRows.Row> locked = context.rows().findById(tx, found.get().tenantId(), true);
                Optional<DomainRecord> now = context.domains().find(tx, domain);
                if (now.isEmpty()) {
                    return false;
                }
                if (now.get().tenantId() != found.get().tenantId() || locked.isEmpty()
                        || !locked.get().schemaName().equals(tenant.value())) {
                    throw TenantConflictException.busy(tenant);
                }
                boolean gone = context.domains().remove(tx, domain);
                if (gone) {
                    context.books().record(tx, Audit.success(actor, Audit.Action.REMOVE_DOMAIN, tenant, details));
                    Context.announce(tx, tenant, List.of(domain));
                }
                return gone;
            });
            context.evict(schema, List.of(domain));
            return removed;
        } catch (Exception e) {
            context.books().recordAlone(Audit.failure(actor, Audit.Action.REMOVE_DOMAIN, schema, details, e));
            throw Context.failure("Removing domain '" + host + "' failed and nothing was changed", e);
        }
    }
}
