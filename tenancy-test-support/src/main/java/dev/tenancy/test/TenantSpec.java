package dev.tenancy.test;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.SqlIdentifiers;
import dev.tenancy.core.directory.TenantDirectory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one test tenant must look like: schema, primary domain, the application's column values and the seed scripts
 * loaded into it when it is created. Two classes asking for equal specs may share a reused tenant.
 */
record TenantSpec(SchemaName schema, String domain, Map<String, String> values, List<String> seed) {

    private static final Set<String> OWN_COLUMNS =
            Set.of("id", "schema_name", "status", "auto_create_schema", "auto_drop_schema");

    TenantSpec {
        values = Map.copyOf(values);
        seed = List.copyOf(seed);
    }

    /** Validates one tenant's settings as written in the annotation. */
    static TenantSpec of(String schema, String domain, String[] values) {
        SchemaName name = SchemaName.of(schema);
        String host = TenantDirectory.normaliseHost(domain.isBlank() ? defaultDomain(name) : domain);
        return new TenantSpec(name, host, columnValues(name, values), List.of());
    }

    /** This spec with {@code scripts} ({@code classpath:} SQL resources) loaded into the tenant at creation. */
    TenantSpec withSeed(List<String> scripts) {
        return new TenantSpec(schema, domain, values, scripts);
    }

    /** {@code test} -> {@code test.localhost}; {@code tenant_acme} -> {@code tenant-acme.localhost}. */
    static String defaultDomain(SchemaName schema) {
        String label = schema.value().replace('_', '-').replaceAll("^-+|-+$", "");
        return (label.isEmpty() ? "tenant" : label) + ".localhost";
    }

    private static Map<String, String> columnValues(SchemaName schema, String[] pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Tenant value '" + pair + "' of test tenant " + schema
                        + " must be written column=value, e.g. \"name=Test Tenant\".");
            }
            String column = pair.substring(0, equals).trim();
            SqlIdentifiers.quote(column, "tenant column");
            if (OWN_COLUMNS.contains(column)) {
                throw new IllegalArgumentException("Tenant value '" + pair + "' of test tenant " + schema
                        + " sets " + column + ", which the test extension sets itself; remove it.");
            }
            if (values.put(column, pair.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("Test tenant " + schema + " sets column " + column + " twice.");
            }
        }
        return values;
    }
}
