package dev.tenancy.boot.metrics;

import dev.tenancy.core.migration.MigrationListener;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;

import io.micrometer.core.instrument.Tags;

import java.util.Locale;

/**
 * Times each schema's migration as {@code tenancy.migration.schema}, tagged with {@code kind} ({@code shared} or
 * {@code tenant}) and {@code outcome} ({@code migrated}, {@code up_to_date}, {@code failed}, {@code schema_missing}).
 */
final class MigrationMetrics implements MigrationListener {

    private final TenancyMeters meters;

    MigrationMetrics(TenancyMeters meters) {
        this.meters = meters;
    }

    @Override
    public void afterSchema(SchemaResult result) {
        String kind = result.target().kind().name().toLowerCase(Locale.ROOT);
        meters.time(TenancyMeters.MIGRATION, Tags.of("kind", kind, "outcome",
                result.outcome().name().toLowerCase(Locale.ROOT)), "tenant".equals(kind) ? result.schema() : null,
                result.duration());
    }
}
