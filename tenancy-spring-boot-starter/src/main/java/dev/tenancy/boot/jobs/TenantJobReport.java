package dev.tenancy.boot.jobs;

import dev.tenancy.core.SchemaName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job did in each tenant it ran for, in the order of the tenants' schema names. One tenant's failure never
 * hides another's result: every tenant has its own {@link TenantJobResult}.
 *
 * @param results one result per tenant
 * @param <T> the job's value type
 */
public record TenantJobReport<T>(List<TenantJobResult<T>> results) {

    /** Copies the results. */
    public TenantJobReport {
        results = List.copyOf(results);
    }

    /** Whether the job succeeded in every tenant (also true when there was no tenant to run for). */
    public boolean succeeded() {
        return results.stream().allMatch(TenantJobResult::succeeded);
    }

    /** The results of the tenants where the job failed. */
    public List<TenantJobResult<T>> failures() {
        return results.stream().filter(result -> !result.succeeded()).toList();
    }

    /** The values of the tenants where the job succeeded, by tenant (values may be {@code null}). */
    public Map<SchemaName, T> values() {
        Map<SchemaName, T> values = new LinkedHashMap<>();
        for (TenantJobResult<T> result : results) {
            if (result.succeeded()) {
                values.put(result.tenant(), result.value());
            }
        }
        return values;
    }

    /**
     * Returns this report if the job succeeded everywhere; otherwise throws a {@link TenantJobException} naming
     * the failed tenants, with each failure attached as a suppressed exception.
     */
    public TenantJobReport<T> throwIfFailed() {
        List<TenantJobResult<T>> failures = failures();
        if (failures.isEmpty()) {
            return this;
        }
        TenantJobException exception = new TenantJobException("The job failed in " + failures.size() + " of "
                + results.size() + " tenants: " + failures.stream().map(f -> f.tenant() + " ("
                + f.failure().getMessage() + ")").toList());
        failures.forEach(failure -> exception.addSuppressed(failure.failure()));
        throw exception;
    }
}
