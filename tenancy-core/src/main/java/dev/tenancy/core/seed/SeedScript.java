package dev.tenancy.core.seed;

import java.util.Objects;

/**
 * One SQL script of a tenant seed: statements separated by semicolons, run with the tenant's schema first in the
 * search path, so unqualified names are the tenant's tables.
 *
 * @param name where it came from, for messages (e.g. {@code seed/V1__categories.sql})
 * @param sql its statements
 */
public record SeedScript(String name, String sql) {

    /** Checks that both parts are present. */
    public SeedScript {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
    }
}
