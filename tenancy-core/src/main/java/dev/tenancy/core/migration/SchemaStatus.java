package dev.tenancy.core.migration;

/**
 * Where one tenant's schema stands with the tenant migrations, as the ledger and the catalogue tell it without
 * running Flyway: see {@link TenantMigrator#status()}.
 *
 * @param schema the tenant's schema name as its row holds it
 * @param tenantStatus the tenant row's status, e.g. {@code ACTIVE}
 * @param version the schema's last recorded migration version, or null when none is recorded
 * @param state what the next fleet run would do with it
 */
public record SchemaStatus(String schema, String tenantStatus, String version, State state) {

    /** What the next fleet run would do with a tenant's schema. */
    public enum State {
        /** Certified by the ledger for the current migrations: skipped. */
        UP_TO_DATE,
        /** Not certified (new migrations, a restored schema, never migrated): checked and migrated by Flyway. */
        BEHIND,
        /** Its last migration failed; it keeps its last good version and is tried again. */
        FAILED,
        /** The tenant row exists but its schema does not. */
        SCHEMA_MISSING,
        /** A PROVISIONING tenant: its schema belongs to the provisioner, not to fleet runs. */
        PROVISIONING
    }
}
