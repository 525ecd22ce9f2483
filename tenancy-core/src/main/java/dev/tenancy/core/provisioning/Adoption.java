package dev.tenancy.core.provisioning;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.model.TenantMixin.TenantStatus;
import dev.tenancy.core.provisioning.AdoptionCatalog.HistoryRow;
import dev.tenancy.core.provisioning.AdoptionCatalog.Relation;
import dev.tenancy.core.provisioning.AdoptionOptions.AdoptionPlan;
import dev.tenancy.core.provisioning.TenantListener.CreationMode;
import dev.tenancy.core.provisioning.TenantRequest.NewTenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adopting existing tables as a new tenant's (django-tenants' "keep existing data as first tenant"): the relations
 * the tenant migrations create (read from the migrated template schema) or an explicit list move from the source
 * schema into the new tenant's schema with {@code ALTER ... SET SCHEMA}, which carries their data, indexes,
 * constraints and owned sequences; the tenant row, its domains and the schema's migration history (the template's,
 * up to the version the data is at) are written in the same transaction. Either all of it commits or none of it.
 */
final class Adoption {

    private final Context context;
    private final String historyTable;

    /** What reading the catalogue found: the plan for people, the relations to move, the history to copy. */
    private record Reading(AdoptionPlan plan, List<Relation> moves, int historyRank) {
    }

    Adoption(Context context, String historyTable) {
        this.context = context;
        this.historyTable = historyTable;
    }

    AdoptionPlan plan(TenantRequest request, AdoptionOptions options) {
        NewTenant tenant = request.validate(context.naming(), context.reservedSchemas(), context.reservedSubdomains());
        try (Connection connection = context.pool().getConnection()) {
            TemplateSchema template = template(connection, options);
            return Jdbc.inTransaction(connection, tx -> read(tx, tenant.schema(), options, template).plan());
        } catch (Exception e) {
            throw Context.failure("Planning the adoption into '" + tenant.schema() + "' failed", e);
        }
    }

    TenantInfo adopt(TenantRequest request, AdoptionOptions options) {
        NewTenant tenant = request.validate(context.naming(), context.reservedSchemas(), context.reservedSubdomains());
        SchemaName schema = tenant.schema();
        context.roles().checkName(schema);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("source", options.source());
        details.put("domains", String.join(",", tenant.domains()));
        long start = System.nanoTime();
        context.books().install();
        try (Connection control = context.pool().getConnection(); AdvisoryLocks locks = new AdvisoryLocks(control)) {
            context.roles().prepare();
            if (!locks.tryLock(AdvisoryLocks.tenantKey(schema))) {
                throw TenantConflictException.schemaInProgress(schema);
            }
            TemplateSchema template = template(control, options);
            TenantInfo info = Jdbc.inTransaction(control, tx -> {
                checkRequest(tx, tenant);
                Reading reading = read(tx, schema, options, template);
                if (!reading.plan().feasible()) {
                    throw new TenantConflictException("Adopting " + reading.plan().source() + " into "
                            + reading.plan().target() + " is refused; nothing was changed: "
                            + String.join(" ", reading.plan().problems()));
                }
                details.put("moved", String.join(",", reading.plan().moving()));
                TenantInfo moved = move(tx, tenant, reading, template, details);
                Context.announce(tx, schema, moved.domains());
                return moved;
            });
            context.evict(schema, info.domains());
            context.ended(schema, CreationMode.ADOPTION, true, start);
            return info;
        } catch (Exception e) {
            context.books().recordAlone(Audit.failure(tenant.actor(), Audit.Action.ADOPT, schema, details, e));
            if (!refused(e)) {
                context.ended(schema, CreationMode.ADOPTION, false, start);
            }
            throw Context.failure("Adopting " + options.source() + " into '" + schema + "' failed; nothing was "
                    + "changed", e);
        }
    }

    /** Whether {@code e} refused the request before anything was tried (reported to no listener). */
    private static boolean refused(Exception e) {
        return e instanceof InvalidInputException || e instanceof TenantConflictException;
    }

    private TemplateSchema template(Connection connection, AdoptionOptions options) throws SQLException {
        TemplateSchema template = context.schemas().template();
        if (template == null) {
            throw new TenantConflictException("Adopting needs the template schema (the tenant migrations, applied) "
                    + "to know the new schema's migration history and, without a tables list, which relations are "
                    + "the tenant's; this provisioner was built withoutTemplate().");
        }
        template.refresh(connection);
        if (!Jdbc.queryBoolean(connection, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)",
                options.source())) {
            throw new TenantConflictException("The schema '" + options.source() + "' to adopt from does not exist.");
        }
        return template;
    }

    private void checkRequest(Connection tx, NewTenant tenant) throws SQLException {
        List<String> problems = TenantRows.problems(tenant.values(), context.rows().columns(tx));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (context.rows().find(tx, tenant.schema(), false).isPresent()) {
            throw TenantConflictException.schemaTaken(tenant.schema());
        }
        if (TenantRows.schemaExists(tx, tenant.schema())) {
            throw TenantConflictException.straySchema(tenant.schema());
        }
        List<String> taken = context.rows().takenDomains(tx, tenant.domains());
        if (!taken.isEmpty()) {
            throw TenantConflictException.domainTaken(taken.get(0));
        }
    }

    private Reading read(Connection tx, SchemaName target, AdoptionOptions options, TemplateSchema template)
            throws SQLException {
        AdvisoryLocks.lockSharedForTransaction(tx, AdvisoryLocks.templateKey(template.name()));
        String source = options.source();
        Map<String, Relation> present = AdoptionCatalog.relations(tx, source);
        Map<String, Relation> tenantSet = AdoptionCatalog.relations(tx, template.name().value());
        tenantSet.remove(historyTable);
        List<String> problems = new ArrayList<>();
        List<Relation> moves = new ArrayList<>();
        List<String> wanted = options.tables().isEmpty() ? List.copyOf(tenantSet.keySet()) : options.tables();
        for (String name : wanted) {
            Relation found = present.get(name);
            Relation expected = tenantSet.get(name);
            if (found == null) {
                if (!options.tables().isEmpty()) {
                    problems.add("There is no table, view or sequence '" + name + "' in " + source + ".");
                }
            } else if (expected != null && !expected.word().equals(found.word())) {
                problems.add("'" + name + "' is a " + found.word() + " in " + source + " but a " + expected.word()
                        + " in the tenant migrations; the names collide.");
            } else if (isProtected(tx, source, name)) {
                problems.add("'" + name + "' in " + source + " is a shared table Tenancy needs there; it cannot "
                        + "become a tenant's.");
            } else {
                moves.add(found);
            }
        }
        if (moves.isEmpty() && problems.isEmpty()) {
            problems.add("None of the tenant migrations' tables (" + String.join(", ", tenantSet.keySet())
                    + ") is in " + source + "; there is nothing to adopt.");
        }
        moves.sort(Comparator.comparingInt(Relation::order).thenComparing(Relation::name));
        List<String> names = moves.stream().map(Relation::name).toList();
        problems.addAll(AdoptionCatalog.sharedReferences(tx, source, names));
        problems.addAll(AdoptionCatalog.sharedViews(tx, source, names));
        List<HistoryRow> history = AdoptionCatalog.history(tx, template.name(), historyTable);
        int rank = historyRank(history, options.version(), problems);
        List<String> versions = history.stream().filter(row -> row.rank() <= rank && row.version() != null)
                .map(HistoryRow::version).toList();
        List<String> staying = present.values().stream().filter(relation -> !names.contains(relation.name()))
                .filter(relation -> relation.kind() == 'r' || relation.kind() == 'p').map(Relation::describe).toList();
        AdoptionPlan plan = new AdoptionPlan(source, target,
                moves.stream().map(Relation::describe).toList(), staying, versions, List.copyOf(problems));
        return new Reading(plan, List.copyOf(moves), rank);
    }

    private boolean isProtected(Connection tx, String source, String name) throws SQLException {
        String qualified = "\"" + source + "\".\"" + name + "\"";
        return name.equals(historyTable) || name.startsWith("tenancy_") || Jdbc.queryBoolean(tx,
                "SELECT to_regclass(?) IN (to_regclass(?), to_regclass(?))", qualified,
                context.rows().tables().tenantTable(), context.rows().tables().domainTable());
    }

    private static int historyRank(List<HistoryRow> history, String version, List<String> problems) {
        if (version == null) {
            return history.stream().mapToInt(HistoryRow::rank).max().orElse(0);
        }
        List<String> known = history.stream().map(HistoryRow::version).filter(v -> v != null).toList();
        return history.stream().filter(row -> version.equals(row.version())).mapToInt(HistoryRow::rank).findFirst()
                .orElseGet(() -> {
                    problems.add("The tenant migrations have no version " + version + " (they have "
                            + String.join(", ", known) + ").");
                    return 0;
                });
    }

    private TenantInfo move(Connection tx, NewTenant tenant, Reading reading, TemplateSchema template,
            Map<String, String> details) throws SQLException {
        SchemaName schema = tenant.schema();
        long id = context.rows().insert(tx, schema, tenant.autoDropSchema(), tenant.values(),
                context.rows().columns(tx));
        for (int i = 0; i < tenant.domains().size(); i++) {
            context.domains().add(tx, id, tenant.domains().get(i), i == 0);
        }
        Jdbc.execute(tx, "CREATE SCHEMA " + schema.quoted());
        for (Relation relation : reading.moves()) {
            Jdbc.execute(tx, relation.moveTo(reading.plan().source(), schema));
        }
        String history = "\"" + historyTable + "\"";
        String templateHistory = template.name().quoted() + "." + history;
        Jdbc.execute(tx, "CREATE TABLE " + schema.quoted() + "." + history + " (LIKE " + templateHistory
                + " INCLUDING ALL)");
        Jdbc.update(tx, "INSERT INTO " + schema.quoted() + "." + history + " SELECT * FROM " + templateHistory
                + " WHERE installed_rank <= ?", reading.historyRank());
        context.roles().enable(tx, schema);
        context.rows().setStatus(tx, id, TenantStatus.ACTIVE);
        details.put("versions", String.join(",", reading.plan().versions()));
        context.books().record(tx, Audit.success(tenant.actor(), Audit.Action.ADOPT, schema, details));
        return new TenantInfo(id, schema, tenant.domains(), tenant.actor());
    }
}
