package dev.tenancy.core.migration;

import dev.tenancy.core.TenancyException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of a migration run: one {@link SchemaResult} for each schema the run worked on, and counts of the
 * schemas it did not need to touch or did not reach.
 *
 * <p>A run is {@linkplain #successful() successful} when no schema failed, none was missing and every schema was
 * reached; a command turns anything else into a non-zero exit.
 */
public final class MigrationReport {

    private final List<SchemaResult> results;
    private final int skipped;
    private final int notAttempted;
    private final Duration duration;

    MigrationReport(List<SchemaResult> results, int skipped, int notAttempted, Duration duration) {
        this.results = List.copyOf(results);
        this.skipped = skipped;
        this.notAttempted = notAttempted;
        this.duration = duration;
    }

    static MigrationReport combine(MigrationReport first, MigrationReport second) {
        List<SchemaResult> results = new ArrayList<>(first.results);
        results.addAll(second.results);
        return new MigrationReport(results, first.skipped + second.skipped,
                first.notAttempted + second.notAttempted, first.duration.plus(second.duration));
    }

    /** A result for each schema the run worked on, in the order they were started. */
    public List<SchemaResult> results() {
        return results;
    }

    /** Schemas left alone because the ledger showed them up to date (no Flyway run needed). */
    public int skipped() {
        return skipped;
    }

    /** Schemas not reached: the shared migrations failed first, or the run was interrupted. */
    public int notAttempted() {
        return notAttempted;
    }

    /** Every schema the run considered: worked on, skipped or not reached. */
    public int schemas() {
        return results.size() + skipped + notAttempted;
    }

    /** How many schemas ended with {@code outcome}. */
    public int count(SchemaResult.Outcome outcome) {
        return (int) results.stream().filter(result -> result.outcome() == outcome).count();
    }

    /** The schemas that failed or were missing, in order. */
    public List<SchemaResult> failures() {
        return results.stream().filter(SchemaResult::isFailure).toList();
    }

    /** Whether every schema is now up to date: none failed, none was missing, none was left unreached. */
    public boolean successful() {
        return notAttempted == 0 && results.stream().noneMatch(SchemaResult::isFailure);
    }

    /** How long the run took. */
    public Duration duration() {
        return duration;
    }

    /** Throws a {@link TenancyException} carrying the {@linkplain #summary() summary} unless successful. */
    public MigrationReport throwIfFailed() {
        if (!successful()) {
            throw new TenancyException(summary());
        }
        return this;
    }

    /**
     * A few lines for people: the counts, then one line per failed schema, e.g.
     * {@code 10000 schemas in 2.1 s: 3 migrated, 9995 up to date (ledger), 1 up to date, 1 failed, 0 missing}.
     */
    public String summary() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d schemas in %.1f s: %d migrated, %d up to date (ledger), %d up to date, %d failed, %d missing",
                schemas(), duration.toMillis() / 1000.0, count(SchemaResult.Outcome.MIGRATED), skipped,
                count(SchemaResult.Outcome.UP_TO_DATE), count(SchemaResult.Outcome.FAILED),
                count(SchemaResult.Outcome.SCHEMA_MISSING)));
        if (notAttempted > 0) {
            out.append(", ").append(notAttempted).append(" not attempted");
        }
        for (SchemaResult failure : failures()) {
            out.append(System.lineSeparator()).append("  ").append(failure.error().getMessage());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

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

    /**
     * A migration applied to a schema during a run.
     *
     * @param version its version, or {@code null} for a repeatable migration
     * @param description its description, e.g. {@code add notes}
     * @param duration how long it took
     */
    public record AppliedMigration(String version, String description, Duration duration) {

        /** Checks the fields are present. */
        public AppliedMigration {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public String toString() {
            return (version == null ? "repeatable" : version) + " - " + description;
        }
    }
}
