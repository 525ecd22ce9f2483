package dev.tenancy.core.migration;

import java.time.Duration;
import java.util.Objects;

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
