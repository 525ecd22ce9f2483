package dev.tenancy.boot.metrics;

import dev.tenancy.boot.web.TenantFilter;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Adds the tenant to every observation as the high-cardinality key {@value #KEY} (so traces and logs carry it, never
 * metrics' tags): the tenant of the code that stops the observation, or, for an HTTP server observation stopped
 * outside the tenant's scope, the tenant the {@link TenantFilter} resolved for the request.
 */
final class TenantObservationFilter implements ObservationFilter {

    /** The key's name. */
    static final String KEY = "tenancy.tenant";

    @Override
    public Observation.Context map(Observation.Context context) {
        SchemaName current = Tenants.currentOrNull();
        String tenant = current != null ? current.value() : fromRequest(context);
        if (tenant != null) {
            context.addHighCardinalityKeyValue(KeyValue.of(KEY, tenant));
        }
        return context;
    }

    private static String fromRequest(Observation.Context context) {
        if (context instanceof ServerRequestObservationContext server && server.getCarrier() != null) {
            return TenantFilter.tenantOf(server.getCarrier()).map(TenantRecord::schema).map(SchemaName::value)
                    .orElse(null);
        }
        return null;
    }
}
