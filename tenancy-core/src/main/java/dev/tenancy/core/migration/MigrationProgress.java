package dev.tenancy.core.migration;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

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
