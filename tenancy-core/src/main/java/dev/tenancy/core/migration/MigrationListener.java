package dev.tenancy.core.migration;

/**
 * Hears what a {@link TenantMigrator} does, schema by schema: the counterparts of django-tenants'
 * {@code schema_pre_migration}, {@code schema_migrated} and {@code schema_migrate_message} signals, and progress
 * for a command's progress line.
 *
 * <p>Calls come from the migrator's worker threads, but never two at a time: a listener needs no locking of its
 * own. Keep them quick; the workers wait for them. An exception thrown by a listener is logged and ignored.
 * Schemas that the ledger shows as up to date are skipped without events.
 */
public interface MigrationListener {

    /** A schema is about to be migrated. */
    default void beforeSchema(MigrationTarget target) {
    }

    /** A message about the schema being migrated, e.g. {@code Migrating to 3 - add tags}. */
    default void message(MigrationTarget target, String message) {
    }

    /** A schema is done, successfully or not. */
    default void afterSchema(SchemaResult result) {
    }

    /**
     * Called after each schema of a pass over the tenant schemas (migrating, planning or validating), with the
     * pass's progress.
     */
    default void progress(MigrationProgress progress) {
    }
}
