package dev.tenancy.boot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.ObjectProvider;

import java.time.Duration;

/**
 * Records Tenancy's timers in the application's {@link MeterRegistry}, looked up on first use (so that meters are
 * recorded wherever the registry comes from), adding the {@code tenant} tag only when configured.
 */
final class TenancyMeters {

    static final String RESOLUTION = "tenancy.resolution";
    static final String PROVISIONING = "tenancy.provisioning";
    static final String MIGRATION = "tenancy.migration.schema";
    static final String SEARCH_PATH_SETS = "tenancy.search.path.sets";
    static final String DIRECTORY_LOOKUPS = "tenancy.directory.lookups";

    private final ObjectProvider<MeterRegistry> registries;
    private final boolean tenantTag;
    private volatile MeterRegistry registry;

    TenancyMeters(ObjectProvider<MeterRegistry> registries, boolean tenantTag) {
        this.registries = registries;
        this.tenantTag = tenantTag;
    }

    /** Records {@code duration} in timer {@code name} with {@code tags}, plus {@code tenant} when configured. */
    void time(String name, Tags tags, String tenant, Duration duration) {
        MeterRegistry meters = registry();
        if (meters == null) {
            return;
        }
        Tags all = tenantTag && tenant != null ? tags.and("tenant", tenant) : tags;
        Timer.builder(name).tags(all).register(meters).record(duration);
    }

    MeterRegistry registry() {
        MeterRegistry found = registry;
        if (found == null) {
            found = registries.getIfUnique();
            registry = found;
        }
        return found;
    }
}
