package dev.tenancy.boot.autoconfigure;

/** What Tenancy migrates while the application starts ({@code tenancy.migrations.on-startup}). */
public enum MigrateOnStartup {
    /** The shared schema only; tenant schemas are migrated by the {@code migrate-schemas} command. The default. */
    SHARED,
    /** The shared schema, then every tenant schema. */
    ALL,
    /** Nothing: migrations run only through commands. */
    NONE
}
