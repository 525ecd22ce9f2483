package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** Seeding tenants with data ({@code tenancy.seed.*}): SQL scripts and the application's TenantSeeder beans. */
@ConfigurationProperties("tenancy.seed")
public class TenancySeedProperties {

    /**
     * SQL scripts loaded into a tenant, e.g. "classpath:db/seed/tenant": a ".sql" resource, or a folder whose
     * "*.sql" scripts run in file-name order. They run in the tenant's schema, in one transaction, before the
     * application's TenantSeeder beans.
     */
    private List<String> locations = new ArrayList<>();

    /**
     * Whether every new tenant is seeded as it is created (before it becomes active; a failing seed fails the
     * creation). The seed-tenant command seeds existing tenants either way.
     */
    private boolean onCreate = true;

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public boolean isOnCreate() {
        return onCreate;
    }

    public void setOnCreate(boolean onCreate) {
        this.onCreate = onCreate;
    }
}
