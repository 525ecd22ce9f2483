package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.directory.TenantTables;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/**
 * Tenancy's start-up checks ({@code StartupChecks}): the DataSource is PostgreSQL 13 or newer (16 with tenant roles,
 * whose login must also have CREATEROLE), {@code spring.sql.init}
 * runs no schema scripts into {@code public}, and after the shared migrations the tenant and domain tables have every
 * column Tenancy reads. Each failure stops the start with a message saying what to fix, before any request or command.
 */
@AutoConfiguration(after = TenancyMigrationAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
public final class TenancyStartupChecksAutoConfiguration {

    @Bean
    static StartupChecks tenancyStartupChecks(ObjectProvider<DataSource> dataSource,
            ObjectProvider<TenantTables> tables, ObjectProvider<TenancyProperties> properties,
            Environment environment) {
        return new StartupChecks(dataSource, tables, properties, environment,
                TenancyStartupChecksAutoConfiguration.class.getClassLoader());
    }
}
