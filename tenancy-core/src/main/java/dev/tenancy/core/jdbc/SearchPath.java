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
 * <p>It also remembers how the server reports each path back. PostgreSQL 18 and later report {@code search_path} to
 * the driver whenever it changes (including when a rollback undoes a {@code SET}), so a connection can tell, with
 * no round trip, whether its session already has a tenant's path.
 */
public final class SearchPath {

    private static final int MAX_CACHED = 10_000;

    private final String sharedSchema;
    private final List<String> extraSchemas;
    private final String suffix;
    private final String publicStatement;
    private final ConcurrentMap<SchemaName, String> tenantStatements = new ConcurrentHashMap<>();
    private final ConcurrentMap<SchemaName, String> tenantValues = new ConcurrentHashMap<>();
    private final Function<SchemaName, String> buildValue;
    private final Function<SchemaName, String> buildStatement;
    private final ConcurrentMap<SchemaName, String> reportedValues = new ConcurrentHashMap<>();
    private volatile String reportedPublicValue;

    /**
     * @param sharedSchema the schema that holds shared tables, normally {@code public}
     * @param extraSchemas schemas appended after the shared one (e.g. one holding extensions)
     */
    public SearchPath(String sharedSchema, List<String> extraSchemas) {
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
    }

    /** The shared schema's name. */
    public String sharedSchema() {
        return sharedSchema;
    }

    /** The extra schemas, in order. */
    public List<String> extraSchemas() {
        return extraSchemas;
    }

    /** The search path's value for {@code tenant} ({@code null}: public), as PostgreSQL would print it. */
    public String valueFor(SchemaName tenant) {
        return tenant == null ? suffix : cached(tenantValues, tenant, buildValue);
    }

    /**
     * The value the server reported after this data source set {@code tenant}'s path ({@code null}: public), or
     * {@code null} when it has not reported one yet.
     */
    String reportedValueFor(SchemaName tenant) {
        return tenant == null ? reportedPublicValue : reportedValues.get(tenant);
    }

    /** Remembers the value the server reported right after {@code tenant}'s path was set. */
    void rememberReportedValue(SchemaName tenant, String reported) {
        if (tenant == null) {
            reportedPublicValue = reported;
        } else if (reportedValues.size() < MAX_CACHED || reportedValues.containsKey(tenant)) {
            reportedValues.put(tenant, reported);
        }
    }

    /** The {@code SET search_path} statement for {@code tenant} ({@code null}: public). */
    public String statementFor(SchemaName tenant) {
        return tenant == null ? publicStatement : cached(tenantStatements, tenant, buildStatement);
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
