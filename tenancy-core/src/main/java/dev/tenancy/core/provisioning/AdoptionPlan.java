package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;

import java.util.List;

/**
 * What {@link TenantProvisioner#adopt} does, or would do: the relations that move from the source schema into the
 * new tenant's schema (their indexes, constraints, owned sequences and data go with them), those that stay shared,
 * and the tenant migration versions the new schema's history records. Read with
 * {@link TenantProvisioner#planAdoption}, nothing changed.
 *
 * @param source the schema the relations are in now
 * @param target the new tenant's schema
 * @param moving the relations that move, as {@code "table orders"}, {@code "view order_totals"}, ...
 * @param staying the source schema's other tables, which stay shared
 * @param versions the migration versions recorded in the new schema's history, oldest first
 * @param problems why the adoption is refused; empty when it can go ahead
 */
public record AdoptionPlan(String source, SchemaName target, List<String> moving, List<String> staying,
        List<String> versions, List<String> problems) {

    /** Whether the adoption can go ahead. */
    public boolean feasible() {
        return problems.isEmpty();
    }

    /** The plan as lines for a person to read. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Adopting ").append(source).append(" into ").append(target).append(':')
                .append(System.lineSeparator());
        moving.forEach(relation -> text.append("  move  ").append(relation).append(System.lineSeparator()));
        staying.forEach(relation -> text.append("  stay  ").append(relation).append(System.lineSeparator()));
        text.append("  history: tenant migrations ")
                .append(versions.isEmpty() ? "(none)" : String.join(", ", versions)).append(" recorded as applied");
        problems.forEach(problem -> text.append(System.lineSeparator()).append("  refused: ").append(problem));
        return text.toString();
    }
}
