package dev.tenancy.core.directory;

import dev.tenancy.core.SqlIdentifiers;

/**
 * Where the application keeps its tenant and domain rows (the tables of its {@code TenantMixin} and
 * {@code DomainMixin} entities), quoted for SQL. Defaults: {@code public.tenants} and {@code public.domains}, the
 * requirements' table names.
 *
 * @param tenantTable the quoted, schema-qualified tenant table, e.g. {@code "public"."tenants"}
 * @param domainTable the quoted, schema-qualified domain table, e.g. {@code "public"."domains"}
 */
public record TenantTables(String tenantTable, String domainTable) {

    /** {@code public.tenants} and {@code public.domains}. */
    public static TenantTables defaults() {
        return of("public.tenants", "public.domains");
    }

    /**
     * Validates and quotes the two table names; each may be qualified with its schema ({@code public.tenants}).
     * Unqualified names are looked up in {@code public}.
     */
    public static TenantTables of(String tenantTable, String domainTable) {
        return new TenantTables(qualified(tenantTable, "tenant table"), qualified(domainTable, "domain table"));
    }

    private static String qualified(String name, String what) {
        String full = name != null && name.indexOf('.') < 0 ? "public." + name : name;
        return SqlIdentifiers.quoteQualified(full, what);
    }
}
