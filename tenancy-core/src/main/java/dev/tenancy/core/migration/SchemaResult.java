package dev.tenancy.core.migration;

import dev.tenancy.core.TenancyException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a run did to one schema.
 *
 * @param target the schema
 * @param outcome what happened
 * @param versionBefore the schema's version when the run reached it, or {@code null} when it had none (or is
 *     missing)
 * @param versionAfter its version when the run left it (after a failure: its last good version), or {@code null}
 *     when it has none
 * @param applied the migrations applied to it during the run, in order (those that failed are not included)
 * @param duration how long the schema took
 * @param error why it failed, naming the schema (and the migration when one failed); {@code null} unless the
 *     outcome is {@link Outcome#FAILED} or {@link Outcome#SCHEMA_MISSING}
 */
public record SchemaResult(MigrationTarget target, Outcome outcome, String versionBefore, String versionAfter,
                           List<AppliedMigration> applied, Duration duration, TenancyException error) {

    /** What happened to a schema. */
    public enum Outcome {
        /** At least one migration was applied, and none failed. */
        MIGRATED,
        /** Flyway checked the schema and found nothing to apply. */
        UP_TO_DATE,
        /** A migration (or the validation before it) failed; the schema stays at its last good version. */
        FAILED,
        /** The tenant row exists but its schema does not; nothing was done. */
        SCHEMA_MISSING
    }

    /** Checks the fields are present and consistent. */
    public SchemaResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        applied = List.copyOf(applied);
        Objects.requireNonNull(duration, "duration");
        boolean failure = outcome == Outcome.FAILED || outcome == Outcome.SCHEMA_MISSING;
        if (failure != (error != null)) {
            throw new IllegalArgumentException("An error goes with a FAILED or SCHEMA_MISSING outcome only");
        }
    }

    /** The schema's name. */
    public String schema() {
        return target.schema();
    }

    /** Whether the schema failed or was missing. */
    public boolean isFailure() {
        return outcome == Outcome.FAILED || outcome == Outcome.SCHEMA_MISSING;
    }

    @Override
    public String toString() {
        return switch (outcome) {
            case MIGRATED -> schema() + ": " + (versionBefore == null ? "empty" : versionBefore) + " -> "
                    + versionAfter + " (" + applied.size() + " applied, " + duration.toMillis() + " ms)";
            case UP_TO_DATE -> schema() + ": up to date at " + versionAfter;
            case FAILED, SCHEMA_MISSING -> error.getMessage();
        };
    }
}
