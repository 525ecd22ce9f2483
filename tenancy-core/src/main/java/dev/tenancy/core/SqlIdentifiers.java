package dev.tenancy.core;

import java.nio.charset.StandardCharsets;

/**
 * Validates and quotes SQL identifiers that come from configuration (table names, the shared schema, extra schemas)
 * rather than from tenants. Tenant schemas use {@link SchemaName}.
 */
public final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    /**
     * Quotes {@code name} as an identifier after checking it is 1–63 bytes of {@code [a-z_][a-z0-9_]*}.
     *
     * @param what what the name is, for the error message (e.g. "tenant table")
     * @throws TenancyException when the name is not a plain lower-case identifier
     */
    public static String quote(String name, String what) {
        if (!isPlain(name)) {
            throw new TenancyException("The " + what + " '" + name + "' must be 1-63 characters of lower-case "
                    + "letters, digits and underscores, not starting with a digit.");
        }
        return '"' + name + '"';
    }

    /**
     * Quotes a possibly schema-qualified name such as {@code public.tenants} as {@code "public"."tenants"}; each
     * part must pass {@link #quote(String, String)}.
     */
    public static String quoteQualified(String name, String what) {
        if (name == null) {
            throw new TenancyException("The " + what + " must be set.");
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            return quote(name, what);
        }
        return quote(name.substring(0, dot), what + " schema") + "." + quote(name.substring(dot + 1), what);
    }

    static boolean isPlain(String name) {
        if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > SchemaName.MAX_BYTES) {
            return false;
        }
        char first = name.charAt(0);
        if (!(first == '_' || (first >= 'a' && first <= 'z'))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
