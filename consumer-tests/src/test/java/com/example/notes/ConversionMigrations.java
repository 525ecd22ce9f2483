package com.example.notes;

import dev.tenancy.boot.autoconfigure.TenantMigratorCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Step 3 of docs/converting.md: {@code public} already holds the application's tables, with no shared migration
 * history, so Flyway is told to start that history at version 0 (a baseline) instead of refusing a non-empty schema.
 * Empty schemas (new tenants, the template) are not affected.
 */
@Configuration(proxyBeanMethods = false)
class ConversionMigrations {

    @Bean
    TenantMigratorCustomizer baselineTheExistingPublicSchema() {
        return builder -> builder.configure(flyway -> flyway.baselineOnMigrate(true).baselineVersion("0"));
    }
}
