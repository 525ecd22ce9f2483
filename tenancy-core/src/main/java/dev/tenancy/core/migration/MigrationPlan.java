package dev.tenancy.core.migration;

import java.util.List;
import java.util.Objects;

/**
 * What a migration run would do now (the {@code --plan} view): the shared schema and every tenant schema that is
 * behind, with the migrations each is waiting for. Tenant schemas the ledger shows as up to date are only counted.
 *
 * @param shared the shared schema's state
 * @param tenants the tenant schemas that are behind or missing, in migration order
 * @param tenantsUpToDate how many tenant schemas have nothing pending
 */
public record MigrationPlan(PlannedSchema shared, List<PlannedSchema> tenants, int tenantsUpToDate) {

    /** Checks the fields are present. */
    public MigrationPlan {
        Objects.requireNonNull(shared, "shared");
        tenants = List.copyOf(tenants);
    }

    /**
     * A schema and the migrations it is waiting for.
     *
     * @param target the schema
     * @param currentVersion its current version, or {@code null} when it has none
     * @param pending the migrations a run would apply, in order; empty when up to date
     * @param schemaMissing whether the tenant row exists but its schema does not
     */
    public record PlannedSchema(MigrationTarget target, String currentVersion, List<PendingMigration> pending,
                                boolean schemaMissing) {

        /** Checks the fields are present. */
        public PlannedSchema {
            Objects.requireNonNull(target, "target");
            pending = List.copyOf(pending);
        }

        /** Whether a run has nothing to do here. */
        public boolean isUpToDate() {
            return pending.isEmpty() && !schemaMissing;
        }

        @Override
        public String toString() {
            if (schemaMissing) {
                return target + ": schema missing";
            }
            String at = currentVersion == null ? "empty" : "at " + currentVersion;
            return target + ": " + at + (pending.isEmpty() ? ", up to date" : ", pending " + pending);
        }
    }

    /**
     * A migration waiting to be applied.
     *
     * @param version its version, or {@code null} for a repeatable migration
     * @param description its description
     */
    public record PendingMigration(String version, String description) {

        @Override
        public String toString() {
            return (version == null ? "repeatable" : version) + " - " + description;
        }
    }

    /** Whether nothing is pending anywhere and no tenant schema is missing. */
    public boolean isUpToDate() {
        return shared.isUpToDate() && tenants.stream().allMatch(PlannedSchema::isUpToDate);
    }

    /** One line per schema that is behind, then the count of tenant schemas up to date. */
    public String summary() {
        StringBuilder out = new StringBuilder(shared.toString());
        for (PlannedSchema tenant : tenants) {
            out.append(System.lineSeparator()).append(tenant);
        }
        return out.append(System.lineSeparator()).append(tenantsUpToDate).append(" tenant schemas up to date")
                .toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
