package dev.tenancy.boot.metrics;

import dev.tenancy.core.provisioning.TenantListener.CreationOutcome;
import dev.tenancy.core.provisioning.TenantListener;

import io.micrometer.core.instrument.Tags;

import java.util.Locale;

/**
 * Times tenant creations as {@code tenancy.provisioning}, tagged {@code outcome} ({@code created} or {@code failed})
 * and {@code mode} ({@code template}, {@code migrations}, {@code clone} or {@code adoption}): how the schema was
 * built. Requests refused before anything was written (a taken name, an invalid value) are not timed.
 */
final class ProvisioningMetrics implements TenantListener {

    private final TenancyMeters meters;

    ProvisioningMetrics(TenancyMeters meters) {
        this.meters = meters;
    }

    @Override
    public void creationEnded(CreationOutcome outcome) {
        meters.time(TenancyMeters.PROVISIONING, Tags.of("outcome", outcome.created() ? "created" : "failed",
                "mode", outcome.mode().name().toLowerCase(Locale.ROOT)), outcome.schema().value(),
                outcome.duration());
    }
}
