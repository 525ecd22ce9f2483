package dev.tenancy.core.provisioning;

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
}
