/**
 * Fleet migrations: Flyway for the shared schema and for every tenant schema, run by
 * {@link dev.tenancy.core.migration.TenantMigrator}.
 *
 * <h2>Two migration sets</h2>
 * Shared migrations ({@code classpath:db/migration/shared} by default) go to the shared schema ({@code public});
 * tenant migrations ({@code classpath:db/migration/tenant}) go to every tenant schema. Each schema has its own
 * Flyway history table. The fleet is every tenant row in state ACTIVE or INACTIVE; PROVISIONING rows belong to the
 * provisioner, which builds their schemas (and template schemas, which have no tenant row) through
 * {@link dev.tenancy.core.migration.SchemaMigrator#migrate}.
 *
 * <h2>A run over the tenants</h2>
 * The tenant migrations are scanned once per run, with Flyway's own scanner, and kept in memory as the
 * {@code ResourceProvider} / {@code ClassProvider} of every schema's short-lived Flyway; no Flyway outlives its
 * schema. One query then compares each tenant with the ledger table ({@code public.tenancy_schema_versions}): a
 * schema whose ledger row carries the current fingerprint of the migration set, and names the history table the
 * schema has now, is up to date and skipped without Flyway. The others are migrated by a bounded pool of workers in
 * the configured order, each on its own: one that fails keeps its last good version (each migration is its own
 * transaction) and loses its ledger row, the others carry on, and the next run picks up where it stopped. Tenants
 * whose schema is missing are reported, never created by a fleet run.
 *
 * <h2>When the ledger is trusted</h2>
 * A ledger row is written only after Flyway, with its validation, succeeded on the schema. A changed migration set
 * (any script, Java migration class or setting that decides what is applied), a dropped or re-created history table
 * (a restored or cloned schema) and a dropped schema each invalidate the row, all checked by that one query against
 * {@code pg_namespace} and {@code pg_class}. Edits made behind Flyway's back, such as rows deleted from a history
 * table, are not seen by the ledger: {@code validate()} always reads the real history tables and drops the rows of
 * the schemas it finds problems in. Deleting ledger rows, or the whole table, is always safe.
 *
 * <h2>Concurrency</h2>
 * Migration runs on one database take turns through a PostgreSQL advisory lock, held by one connection for the
 * run: a second run waits (up to a configured time) and then refuses with a message naming the session that holds
 * it. Flyway's own lock guards each history table besides. Workers never outnumber the connections the pool can
 * give: with HikariCP, at most its maximum pool size minus the one the lock holds.
 *
 * <h2>Java migrations</h2>
 * A Java migration learns where it runs from {@link dev.tenancy.core.migration.MigrationTarget#of}; while a tenant
 * schema migrates, the tenant context ({@link dev.tenancy.core.Tenants}) is that tenant.
 */
package dev.tenancy.core.migration;
