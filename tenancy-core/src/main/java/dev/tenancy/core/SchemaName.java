package dev.tenancy.core;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * A validated PostgreSQL schema name for a tenant. The only way a tenant's schema reaches SQL is through
 * {@link #quoted()}.
 *
 * <p>Rules, checked before any SQL runs: 1–63 bytes; {@code [a-z_][a-z0-9_]*}; not starting with {@code pg_};
 * not {@code public} or {@code information_schema}; not one of the caller's reserved names. A broken rule throws
 * {@link InvalidInputException} naming the rule.
 */
public final class SchemaName implements Comparable<SchemaName> {

    /** The longest identifier PostgreSQL keeps, in bytes. */
    public static final int MAX_BYTES = 63;

    /** Names no tenant may use, whatever the application configures. */
    public static final Set<String> ALWAYS_RESERVED = Set.of("public", "information_schema");

    private final String value;
    private final String quoted;

    private SchemaName(String value) {
        this.value = value;
        this.quoted = '"' + value + '"';
    }

    /** Validates {@code name} against the built-in rules. */
    public static SchemaName of(String name) {
        return of(name, Set.of());
    }

    /**
     * Validates {@code name} against the built-in rules and the application's {@code reserved} names (compared
     * case-insensitively).
     */
    public static SchemaName of(String name, Collection<String> reserved) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException("A schema name is required and must not be empty.");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidInputException("Schema name is " + bytes + " bytes long; PostgreSQL keeps at most "
                    + MAX_BYTES + ". Choose a shorter name.");
        }
        if (!SqlIdentifiers.isPlain(name)) {
            throw new InvalidInputException("Schema name '" + printable(name) + "' may only contain lower-case "
                    + "letters a-z, digits and underscores, and must not start with a digit.");
        }
        if (name.startsWith("pg_")) {
            throw new InvalidInputException("Schema name '" + name + "' starts with 'pg_', which PostgreSQL "
                    + "reserves for system schemas.");
        }
        if (ALWAYS_RESERVED.contains(name) || containsIgnoringCase(reserved, name)) {
            throw new InvalidInputException("Schema name '" + name + "' is reserved and cannot belong to a tenant.");
        }
        return new SchemaName(name);
    }

    /** Whether {@code name} passes the built-in rules (without throwing). */
    public static boolean isValid(String name) {
        try {
            of(name);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static boolean containsIgnoringCase(Collection<String> reserved, String name) {
        for (String candidate : reserved) {
            if (candidate != null && candidate.toLowerCase(Locale.ROOT).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), 80));
        name.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The bare name, e.g. {@code tenant_acme}. Never concatenate this into SQL; use {@link #quoted()}. */
    public String value() {
        return value;
    }

    /** The name quoted as an SQL identifier, e.g. {@code "tenant_acme"}. */
    public String quoted() {
        return quoted;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchemaName that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(SchemaName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
