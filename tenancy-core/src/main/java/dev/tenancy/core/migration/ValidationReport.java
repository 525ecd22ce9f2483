package dev.tenancy.core.migration;

import dev.tenancy.core.TenancyException;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating the shared schema and every tenant schema against the migrations on the classpath:
 * applied migrations that were edited since (checksum mismatch), applied migrations that no longer exist, failed
 * migrations, missing schemas. Pending migrations are not problems here; {@link TenantMigrator#plan()} lists them.
 *
 * @param schemas how many schemas were checked
 * @param problems what was found, in schema order
 */
public record ValidationReport(int schemas, List<Problem> problems) {

    /** Checks the fields are present. */
    public ValidationReport {
        problems = List.copyOf(problems);
    }

    /**
     * One problem in one schema.
     *
     * @param schema the schema
     * @param version the migration's version, or {@code null} when the problem is not about one migration
     * @param message what is wrong and what to do, naming the schema (and version)
     */
    public record Problem(String schema, String version, String message) {

        /** Checks the fields are present. */
        public Problem {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return message;
        }
    }

    /** Whether no problem was found. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Throws a {@link TenancyException} listing the problems unless valid. */
    public ValidationReport throwIfInvalid() {
        if (!isValid()) {
            throw new TenancyException(summary());
        }
        return this;
    }

    /** The number of schemas checked and one line per problem. */
    public String summary() {
        StringBuilder out = new StringBuilder(schemas + " schemas validated, " + problems.size() + " problems");
        for (Problem problem : problems) {
            out.append(System.lineSeparator()).append("  ").append(problem.message());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
