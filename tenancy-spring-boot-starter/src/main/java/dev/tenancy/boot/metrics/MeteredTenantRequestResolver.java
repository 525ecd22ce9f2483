package dev.tenancy.boot.metrics;

import dev.tenancy.boot.web.TenantRequestResolver;
import dev.tenancy.boot.web.TenantResolution;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import io.micrometer.core.instrument.Tags;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.util.Locale;

/**
 * Times each resolution of the application's {@link TenantRequestResolver} as {@code tenancy.resolution}, tagged with
 * its {@code outcome}: {@code tenant} (a served tenant), {@code public}, {@code unknown} (no tenant at that
 * address), {@code invalid} (not a valid host name), {@code inactive} or {@code provisioning} (refused by the
 * filter).
 */
final class MeteredTenantRequestResolver implements TenantRequestResolver {

    private final TenantRequestResolver delegate;
    private final TenancyMeters meters;

    MeteredTenantRequestResolver(TenantRequestResolver delegate, TenancyMeters meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public TenantResolution resolve(HttpServletRequest request) {
        long start = System.nanoTime();
        TenantResolution resolution = delegate.resolve(request);
        TenantRecord tenant = resolution.outcome() == TenantResolution.Outcome.TENANT ? resolution.tenant() : null;
        meters.time(TenancyMeters.RESOLUTION, Tags.of("outcome", outcome(resolution, tenant)),
                tenant == null ? null : tenant.schema().value(), Duration.ofNanos(System.nanoTime() - start));
        return resolution;
    }

    /** Counted as an {@code invalid} resolution (taking no time), then passed on. */
    @Override
    public void refusedUnread(HttpServletRequest request) {
        meters.time(TenancyMeters.RESOLUTION, Tags.of("outcome", "invalid"), null, Duration.ZERO);
        delegate.refusedUnread(request);
    }

    /** The outcome tag of {@code resolution}. */
    static String outcome(TenantResolution resolution, TenantRecord tenant) {
        return switch (resolution.outcome()) {
            case TENANT -> tenant.status() == TenantStatus.PROVISIONING ? "provisioning"
                    : tenant.isServed() ? "tenant" : "inactive";
            case PUBLIC -> "public";
            case NOT_FOUND -> "unknown";
            case INVALID -> "invalid";
        };
    }

    @Override
    public String toString() {
        return "metered " + delegate.toString().toLowerCase(Locale.ROOT);
    }
}
