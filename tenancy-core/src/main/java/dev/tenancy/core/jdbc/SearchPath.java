package dev.tenancy.core.jdbc;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.SqlIdentifiers;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Builds the {@code SET search_path} statement for a tenant: {@code "<tenant>", "<shared>", <extras...>}, or
 * {@code "<shared>", <extras...>} outside any tenant. Statements are cached per schema (bounded), so the hot path
 * does not allocate.
 *
 * <p>It also remembers, per tenant, when a connection last found the tenant's schema while setting its path, and how
 * the server reported the path back. PostgreSQL 18 and later report {@code search_path} to the driver whenever it
 * changes (including when a rollback undoes a {@code SET}), so a connection can tell, with no round trip, whether its
 * session already has a tenant's path.
 */
final class SearchPath {

    private static final int MAX_CACHED = 10_000;

    private final String sharedSchema;
    private final List<String> extraSchemas;
    private final String suffix;
    private final String publicStatement;
    private final ConcurrentMap<SchemaName, String> tenantStatements = new ConcurrentHashMap<>();
    private final ConcurrentMap<SchemaName, String> tenantValues = new ConcurrentHashMap<>();
    private final Function<SchemaName, String> buildValue;
    private final Function<SchemaName, String> buildStatement;
    private final ConcurrentMap<SchemaName, String> checkedStatements = new ConcurrentHashMap<>();
    private final Function<SchemaName, String> buildCheckedStatement;
    private final String publicCheckedStatement;
    private final String sharedSchemaLiteral;
    private final ConcurrentMap<SchemaName, Check> checks = new ConcurrentHashMap<>();
    private final StatementLabels labels = new StatementLabels();
    private volatile Check publicCheck;

    /**
     * When a connection last found the schema there while setting the path, and the value the server then reported
     * for the path ({@code null} before PostgreSQL 18).
     */
    record Check(String reported, long nanos) {
    }

    /**
     * @param sharedSchema the schema that holds shared tables, normally {@code public}
     * @param extraSchemas schemas appended after the shared one (e.g. one holding extensions)
     */
    SearchPath(String sharedSchema, List<String> extraSchemas) {
        this.sharedSchema = Objects.requireNonNull(sharedSchema, "sharedSchema");
        this.extraSchemas = List.copyOf(extraSchemas);
        StringBuilder tail = new StringBuilder(SqlIdentifiers.quote(sharedSchema, "shared schema"));
        for (String extra : this.extraSchemas) {
            tail.append(", ").append(SqlIdentifiers.quote(extra, "extra search-path schema"));
        }
        this.suffix = tail.toString();
        this.publicStatement = "SET search_path TO " + suffix;
        this.buildValue = tenant -> tenant.quoted() + ", " + this.suffix;
        this.buildStatement = tenant -> "SET search_path TO " + valueFor(tenant);
        this.sharedSchemaLiteral = SqlIdentifiers.quote(sharedSchema, "shared schema");
        this.buildCheckedStatement = tenant -> "SELECT '" + tenant.quoted() + "'::regnamespace; "
                + statementFor(tenant);
        this.publicCheckedStatement = "SELECT '" + sharedSchemaLiteral.replace("'", "''") + "'::regnamespace; "
                + publicStatement;
    }

    /** The shared schema's name. */
    String sharedSchema() {
        return sharedSchema;
    }

    /** The extra schemas, in order. */
    List<String> extraSchemas() {
        return extraSchemas;
    }

    /** The search path's value for {@code tenant} ({@code null}: public), as PostgreSQL would print it. */
    String valueFor(SchemaName tenant) {
        return tenant == null ? suffix : cached(tenantValues, tenant, buildValue);
    }

    /** The last check of {@code tenant}'s schema ({@code null}: the shared one), or {@code null} if none is kept. */
    Check lastCheck(SchemaName tenant) {
        return tenant == null ? publicCheck : checks.get(tenant);
    }

    /** Remembers that {@code tenant}'s schema was there when its path was set, and what the server reported. */
    void checked(SchemaName tenant, String reported, long nanos) {
        Check check = new Check(reported, nanos);
        if (tenant == null) {
            publicCheck = check;
        } else if (checks.size() < MAX_CACHED || checks.containsKey(tenant)) {
            checks.put(tenant, check);
        }
    }

    /** The schema whose existence setting {@code tenant}'s path checks, as a {@code regnamespace} literal. */
    String checkedSchema(SchemaName tenant) {
        return tenant == null ? sharedSchemaLiteral : tenant.quoted();
    }

    /**
     * One text that fails with SQL state {@code 3F000} when {@code tenant}'s schema ({@code null}: the shared one) is
     * missing, and sets its path with a plain {@code SET} otherwise; the driver sends both in one round trip.
     */
    String checkedStatementFor(SchemaName tenant) {
        return tenant == null ? publicCheckedStatement : cached(checkedStatements, tenant, buildCheckedStatement);
    }

    /** The {@code SET search_path} statement for {@code tenant} ({@code null}: public). */
    String statementFor(SchemaName tenant) {
        return tenant == null ? publicStatement : cached(tenantStatements, tenant, buildStatement);
    }

    /** {@code sql} labelled with {@code tenant}'s schema name (see {@link StatementLabels}). */
    String labelled(SchemaName tenant, String sql) {
        return labels.labelled(tenant, sql);
    }

    /** The tenant's text, built once and kept in {@code cache} while it holds fewer than {@value #MAX_CACHED}. */
    private static String cached(ConcurrentMap<SchemaName, String> cache, SchemaName tenant,
            Function<SchemaName, String> build) {
        String text = cache.get(tenant);
        if (text == null) {
            text = build.apply(tenant);
            if (cache.size() < MAX_CACHED) {
                cache.put(tenant, text);
            }
        }
        return text;
    }
}
