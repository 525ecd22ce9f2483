package dev.tenancy.boot.actuate;

import dev.tenancy.core.migration.SchemaStatus;
import dev.tenancy.core.migration.TenantMigrator;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tenants} health contributor. DOWN when the shared schema has pending migrations (the application's code
 * may rely on them); otherwise UP, with the fleet in the details: how many tenants are behind, failed or missing
 * their schema, and PROVISIONING tenants older than a threshold (creations stuck or left by a crash), each as a count
 * with the first few schema names. A failed tenant does not make the application DOWN: the other tenants are served.
 * Reads the ledger in one query and asks Flyway about the shared schema only.
 */
public class TenantsHealthIndicator extends AbstractHealthIndicator {

    private final TenantMigrator migrator;
    private final FleetReader reader;
    private final TenancyHealthProperties properties;

    TenantsHealthIndicator(TenantMigrator migrator, FleetReader reader, TenancyHealthProperties properties) {
        super("Could not check the tenants' health");
        this.migrator = migrator;
        this.reader = reader;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        int sharedPending = migrator.planShared().pending().size();
        builder.status(sharedPending == 0 ? "UP" : "DOWN").withDetail("sharedSchema",
                sharedPending == 0 ? "migrated" : sharedPending + " pending migrations");
        Map<SchemaStatus.State, List<String>> byState = new EnumMap<>(SchemaStatus.State.class);
        List<SchemaStatus> states = migrator.status();
        states.forEach(state -> byState.computeIfAbsent(state.state(), key -> new ArrayList<>()).add(state.schema()));
        builder.withDetail("tenants", states.size());
        detail(builder, "behind", byState.get(SchemaStatus.State.BEHIND));
        detail(builder, "failed", byState.get(SchemaStatus.State.FAILED));
        detail(builder, "schemaMissing", byState.get(SchemaStatus.State.SCHEMA_MISSING));
        Duration threshold = properties.getProvisioningThreshold();
        Map<String, Object> stale = names(reader.staleProvisioning(threshold));
        stale.put("olderThan", threshold.toString());
        builder.withDetail("provisioningStale", stale);
    }

    private void detail(Health.Builder builder, String name, List<String> schemas) {
        builder.withDetail(name, names(schemas == null ? List.of() : schemas));
    }

    private Map<String, Object> names(List<String> schemas) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("count", schemas.size());
        detail.put("first", schemas.subList(0, Math.min(schemas.size(), properties.getNamesShown())));
        return detail;
    }
}
