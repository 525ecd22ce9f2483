package dev.tenancy.test;

import dev.tenancy.boot.autoconfigure.TenancyProperties;

import java.util.List;

import org.springframework.context.ApplicationContext;

/** Reads the Tenancy starter's settings of a Spring application; loaded only when the starter is present. */
final class StarterSettings {

    private StarterSettings() {
    }

    /** The application's tenant migration locations, or {@code null} when it has no Tenancy settings bean. */
    static List<String> tenantLocations(ApplicationContext context) {
        TenancyProperties properties = context.getBeanProvider(TenancyProperties.class).getIfAvailable();
        return properties == null ? null : List.copyOf(properties.getMigrations().getTenantLocations());
    }
}
