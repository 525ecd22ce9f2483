package dev.tenancy.core.migration;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.Tenants;

import org.flywaydb.core.api.migration.Context;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The schema a migration runs in: the shared schema ({@code public}) or one tenant's schema.
 *
 * <p>A Java migration asks {@link #of(Context)} to learn where it runs, e.g. to do its work only in tenant schemas
 * (django-tenants' {@code @tenant_migration}):
 *
 * <pre>{@code
 * public class V7__Backfill_invoice_numbers extends BaseJavaMigration {
 *     public void migrate(Context context) throws Exception {
 *         MigrationTarget target = MigrationTarget.of(context);
 *         if (target.isTenant()) { ... target.tenant() ... }
 *     }
 * }
 * }</pre>
 *
 * While a tenant schema migrates, the {@linkplain dev.tenancy.core.Tenants tenant context} is that tenant too; while
 * the shared schema migrates, the context is public.
 *
 * @param schema the schema's name, e.g. {@code public} or {@code tenant_acme}
 * @param kind whether it is the shared schema or a tenant's
 */
public record MigrationTarget(String schema, Kind kind) {

    private static final ThreadLocal<MigrationTarget> CURRENT = new ThreadLocal<>();

    /** Which kind of schema a migration runs in. */
    public enum Kind {
        /** The shared schema, with the shared migrations. */
        SHARED,
        /** A tenant's schema (or a template schema tenants are cloned from), with the tenant migrations. */
        TENANT
    }

    /** Checks the fields are present. */
    public MigrationTarget {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(kind, "kind");
    }

    /** The target for the shared schema {@code schema}. */
    public static MigrationTarget shared(String schema) {
        return new MigrationTarget(schema, Kind.SHARED);
    }

    /** The target for the tenant schema {@code schema}. */
    public static MigrationTarget tenant(SchemaName schema) {
        return new MigrationTarget(schema.value(), Kind.TENANT);
    }

    /**
     * Where the Java migration handed {@code context} runs.
     *
     * @throws TenancyException when the migration is not being run by a {@link TenantMigrator} (e.g. by a plain
     *     Flyway), which is the only thing that knows whether a schema is shared or a tenant's
     */
    public static MigrationTarget of(Context context) {
        MigrationTarget target = CURRENT.get();
        String schema = context.getConfiguration().getDefaultSchema();
        if (target == null || !target.schema.equals(schema)) {
            throw new TenancyException("The Java migration running in schema '" + schema + "' was not started by "
                    + "Tenancy's TenantMigrator, so whether it runs in the shared schema or a tenant's is unknown. "
                    + "Run it through TenantMigrator (or migrate-schemas), not through a plain Flyway.");
        }
        return target;
    }

    /** Whether this is the shared schema. */
    public boolean isShared() {
        return kind == Kind.SHARED;
    }

    /** Whether this is a tenant's schema. */
    public boolean isTenant() {
        return kind == Kind.TENANT;
    }

    /** The tenant's schema name; empty for the shared schema. */
    public Optional<SchemaName> tenant() {
        return isTenant() ? Optional.of(SchemaName.of(schema)) : Optional.empty();
    }

    /**
     * Runs {@code work} with this target visible to {@link #of(Context)} on the current thread, and with the tenant
     * context set to this tenant (or to public for the shared schema).
     */
    <T> T bind(Supplier<T> work) {
        MigrationTarget previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return isTenant() ? Tenants.call(SchemaName.of(schema), work::get) : Tenants.callInPublic(work::get);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    @Override
    public String toString() {
        return schema;
    }
}
