package dev.tenancy.core.migration;

import dev.tenancy.core.migration.MigrationReport.SchemaResult;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Hears what a {@link TenantMigrator} does, schema by schema: the counterparts of django-tenants'
 * {@code schema_pre_migration}, {@code schema_migrated} and {@code schema_migrate_message} signals, and progress
 * for a command's progress line.
 *
 * <p>Calls come from the migrator's worker threads, but never two at a time: a listener needs no locking of its
 * own. Keep them quick; the workers wait for them. An exception thrown by a listener is logged and ignored.
 * Schemas that the ledger shows as up to date are skipped without events.
 */
public interface MigrationListener {

    /** A schema is about to be migrated. */
    default void beforeSchema(MigrationTarget target) {
    }

    /** A message about the schema being migrated, e.g. {@code Migrating to 3 - add tags}. */
    default void message(MigrationTarget target, String message) {
    }

    /** A schema is done, successfully or not. */
    default void afterSchema(SchemaResult result) {
    }

    /**
     * Called after each schema of a pass over the tenant schemas (migrating, planning or validating), with the
     * pass's progress.
     */
    default void progress(MigrationProgress progress) {
    }

    /**
     * How far a run over tenant schemas has come. Counts only the schemas the run works on: those the ledger shows as
     * up to date are not part of {@code total}.
     *
     * @param done schemas finished (whatever their outcome)
     * @param total schemas the run works on
     * @param failed schemas finished with a failure (or found missing)
     * @param elapsed time since the run started working on schemas
     */
    public record MigrationProgress(int done, int total, int failed, Duration elapsed) {

        /** Schemas finished per second so far; zero before the first one. */
        public double ratePerSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds > 0 ? done / seconds : 0;
        }

        /** The time left at the rate so far; empty until a schema has finished. */
        public Optional<Duration> remaining() {
            if (done == 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) ((double) elapsed.toNanos() / done * (total - done))));
        }

        /** A one-line summary for a terminal, e.g. {@code 2500/10000 schemas (25%), 180.2/s, 42s left, 1 failed}. */
        public String line() {
            int percent = total == 0 ? 100 : (int) (100L * done / total);
            String left = remaining().map(MigrationProgress::format).map(s -> ", " + s + " left").orElse("");
            return String.format(Locale.ROOT, "%d/%d schemas (%d%%), %.1f/s%s, %d failed", done, total, percent,
                    ratePerSecond(), left, failed);
        }

        private static String format(Duration duration) {
            long seconds = (duration.toMillis() + 999) / 1000;
            if (seconds < 60) {
                return seconds + "s";
            }
            if (seconds < 3600) {
                return seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
            }
            return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds % 3600 / 60) + "m";
        }

        @Override
        public String toString() {
            return line();
        }
    }
}
