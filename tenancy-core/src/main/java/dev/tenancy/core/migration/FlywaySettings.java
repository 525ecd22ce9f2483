package dev.tenancy.core.migration;

import java.util.function.Consumer;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * What every Flyway a {@link TenantMigrator} builds has in common.
 *
 * @param dataSource the raw pool (no tenant search path)
 * @param customizer the application's extra Flyway settings
 * @param historyTable the bare name of each schema's history table
 * @param classLoader the class loader Flyway scans and loads Java migrations with
 */
record FlywaySettings(DataSource dataSource, Consumer<FluentConfiguration> customizer, String historyTable,
                      ClassLoader classLoader) {
}
