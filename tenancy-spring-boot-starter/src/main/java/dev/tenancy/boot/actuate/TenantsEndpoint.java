package dev.tenancy.boot.actuate;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.MigrationPlan.PendingMigration;
import dev.tenancy.core.migration.SchemaStatus;
import dev.tenancy.core.migration.TenantMigrator;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tenants} Actuator endpoint: every tenant with its status, domains, schema version and migration state
 * ({@code /actuator/tenants}), and one tenant's detail with its pending migrations ({@code /actuator/tenants/{schema}},
 * which asks Flyway about that one schema). Read-only; it shows no column of the tenant row beyond these, so no
 * secret an application keeps there. Like Boot's other sensitive endpoints it is not exposed until configured, e.g.
 * {@code management.endpoints.web.exposure.include=health,tenants}, and should then be secured.
 */
@Endpoint(id = "tenants")
public class TenantsEndpoint {

    private final TenantMigrator migrator;
    private final FleetReader reader;

    TenantsEndpoint(TenantMigrator migrator, FleetReader reader) {
        this.migrator = migrator;
        this.reader = reader;
    }

    /** Every tenant, by schema name, and how many are in each migration state. */
    @ReadOperation
    public Fleet tenants() throws SQLException {
        List<SchemaStatus> states = migrator.status();
        Map<String, List<String>> domains = reader.domains(null);
        Map<SchemaStatus.State, Integer> counts = new EnumMap<>(SchemaStatus.State.class);
        states.forEach(state -> counts.merge(state.state(), 1, Integer::sum));
        return new Fleet(states.size(), counts, states.stream()
                .map(state -> Tenant.of(state, domains.getOrDefault(state.schema(), List.of()))).toList());
    }

    /** One tenant's detail with its pending migrations; {@code null} (404) when no tenant has that schema. */
    @ReadOperation
    public TenantDetail tenant(@Selector String schema) throws SQLException {
        if (!SchemaName.isValid(schema)) {
            return null;
        }
        SchemaStatus state = migrator.status().stream().filter(candidate -> candidate.schema().equals(schema))
                .findFirst().orElse(null);
        if (state == null) {
            return null;
        }
        List<PendingMigration> pending = switch (state.state()) {
            case UP_TO_DATE -> List.of();
            case SCHEMA_MISSING, PROVISIONING -> null;
            case BEHIND, FAILED -> migrator.plan(SchemaName.of(schema)).pending();
        };
        return new TenantDetail(Tenant.of(state, reader.domains(schema).getOrDefault(schema, List.of())), pending);
    }

    /**
     * The fleet.
     *
     * @param total how many tenants there are
     * @param states how many tenants are in each migration state
     * @param tenants every tenant, by schema name
     */
    public record Fleet(int total, Map<SchemaStatus.State, Integer> states, List<Tenant> tenants)
            implements OperationResponseBody {
    }

    /**
     * One tenant.
     *
     * @param schema its schema
     * @param status its row's status (ACTIVE, INACTIVE, PROVISIONING)
     * @param domains its host names, primary first
     * @param schemaVersion the last migration version recorded for its schema, or null
     * @param migrations where its schema stands with the tenant migrations
     */
    public record Tenant(String schema, String status, List<String> domains, String schemaVersion,
            SchemaStatus.State migrations) {

        static Tenant of(SchemaStatus state, List<String> domains) {
            return new Tenant(state.schema(), state.tenantStatus(), domains, state.version(), state.state());
        }
    }

    /**
     * One tenant with its pending migrations.
     *
     * @param tenant the tenant
     * @param pendingMigrations what a migration of its schema would apply now (read by Flyway), or null when it has
     *     no schema to read (missing, or still being provisioned)
     */
    public record TenantDetail(Tenant tenant, List<PendingMigration> pendingMigrations)
            implements OperationResponseBody {
    }
}
