package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;

import java.time.Duration;
import java.util.Objects;

/**
 * How one tenant creation ended, as {@link TenantListener#creationEnded} hears it: for creations, clones and
 * adoptions that got past the checks of their request (a request refused before anything was written, e.g. for a
 * taken name, is not reported).
 *
 * @param schema the new tenant's schema
 * @param mode how its schema was built; for a creation that failed before building it, how it was going to be built
 * @param created whether the tenant was created (else everything the attempt wrote was removed)
 * @param duration from the start of the attempt to its end
 */
public record CreationOutcome(SchemaName schema, CreationMode mode, boolean created, Duration duration) {

    /** Checks that no field is null. */
    public CreationOutcome {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(duration, "duration");
    }
}
