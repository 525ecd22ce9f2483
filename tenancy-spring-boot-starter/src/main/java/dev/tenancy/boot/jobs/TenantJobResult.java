package dev.tenancy.boot.jobs;

import dev.tenancy.core.SchemaName;

import java.util.Objects;
import java.util.Optional;

/**
 * What a job did for one tenant: its value, or the exception it failed with (never both).
 *
 * @param tenant the tenant's schema
 * @param value the job's value; {@code null} when it failed or returned nothing
 * @param failure what the job threw; {@code null} when it succeeded
 * @param <T> the job's value type
 */
public record TenantJobResult<T>(SchemaName tenant, T value, Throwable failure) {

    /** Checks the tenant is given. */
    public TenantJobResult {
        Objects.requireNonNull(tenant, "tenant");
    }

    static <T> TenantJobResult<T> success(SchemaName tenant, T value) {
        return new TenantJobResult<>(tenant, value, null);
    }

    static <T> TenantJobResult<T> failure(SchemaName tenant, Throwable failure) {
        return new TenantJobResult<>(tenant, null, Objects.requireNonNull(failure, "failure"));
    }

    /** Whether the job finished without throwing. */
    public boolean succeeded() {
        return failure == null;
    }

    /** What the job threw, if it failed. */
    public Optional<Throwable> error() {
        return Optional.ofNullable(failure);
    }
}
