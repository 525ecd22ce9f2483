package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.SqlIdentifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link TenantProvisioner#adopt} turns existing tables into a tenant's: where they are now, which of them
 * belong to the tenant, and which tenant migration version their structure is at.
 *
 * <pre>{@code
 * AdoptionOptions.fromSchema("public").atVersion("3")     // the data is at tenant migration V3
 * AdoptionOptions.defaults().tables("orders", "order_lines")  // only these, whatever the migrations create
 * }</pre>
 */
public final class AdoptionOptions {

    private String source = "public";
    private final List<String> tables = new ArrayList<>();
    private String version;

    private AdoptionOptions() {
    }

    /** Adopts from {@code public}, the tables and views the tenant migrations create, at their latest version. */
    public static AdoptionOptions defaults() {
        return new AdoptionOptions();
    }

    /** Adopts from {@code schema} instead of {@code public}. */
    public static AdoptionOptions fromSchema(String schema) {
        AdoptionOptions options = new AdoptionOptions();
        SqlIdentifiers.quote(schema, "source schema");
        options.source = schema;
        return options;
    }

    /**
     * Moves exactly these tables, views and sequences (names in the source schema) instead of every relation the
     * tenant migrations create.
     */
    public AdoptionOptions tables(String... names) {
        for (String name : names) {
            SqlIdentifiers.quote(name, "table to adopt");
            tables.add(name);
        }
        return this;
    }

    /**
     * The tenant migration version the existing tables are at: the new tenant's migration history records the
     * migrations up to and including it, and later ones are applied by the next {@code migrate-schemas}. Default:
     * the latest tenant migration.
     */
    public AdoptionOptions atVersion(String version) {
        this.version = Objects.requireNonNull(version, "version").strip();
        return this;
    }

    /** The schema the tables are adopted from. */
    public String source() {
        return source;
    }

    List<String> tables() {
        return List.copyOf(tables);
    }

    String version() {
        return version;
    }

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
}
