package dev.tenancy.core.seed;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.TenantSchemaMissingException;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantListener;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * Loads data into one tenant: SQL scripts, in order and in one transaction (all or none of them), then the
 * application's {@link TenantSeeder}s, each inside the tenant's context.
 *
 * <pre>{@code
 * TenantSeeding seeding = TenantSeeding.builder(dataSource)
 *         .script(new SeedScript("categories.sql", "INSERT INTO categories (name) VALUES ('General')"))
 *         .seeder(tenant -> users.createAdmin("admin@example.com"))
 *         .build();
 * seeding.seed(SchemaName.of("tenant_acme"));                   // an existing tenant
 * TenantProvisioner.builder(pool, migrator).listener(seeding.onCreate())   // every new tenant, as it is created
 * }</pre>
 * Seeding on creation runs once the new schema is ready and before the tenant is active; a failing script or seeder
 * makes the creation fail, which removes everything it made.
 */
public final class TenantSeeding {

    private final TenantAwareDataSource dataSource;
    private final List<SeedScript> scripts;
    private final List<TenantSeeder> seeders;

    private TenantSeeding(Builder builder) {
        this.dataSource = builder.dataSource;
        this.scripts = List.copyOf(builder.scripts);
        this.seeders = List.copyOf(builder.seeders);
    }

    /** Starts building a seeding over the application's pool (or its {@link TenantAwareDataSource}). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The scripts, in the order they run. */
    public List<SeedScript> scripts() {
        return scripts;
    }

    /** How many seeders run after the scripts. */
    public int seederCount() {
        return seeders.size();
    }

    /**
     * Seeds an existing tenant schema: the scripts in one transaction, then the seeders. With neither, it does
     * nothing.
     *
     * @throws TenancyException when the schema does not exist, or a script or seeder failed (the scripts' changes
     *                          are then rolled back; a failing seeder's own work is its own)
     */
    public void seed(SchemaName tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (scripts.isEmpty() && seeders.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(tenant)) {
            runScripts(connection, tenant);
        } catch (TenantSchemaMissingException e) {
            throw new TenancyException("Cannot seed tenant " + tenant + ": its schema does not exist. Create the "
                    + "tenant first (create-tenant), or check the name (list-tenants).", e);
        } catch (SQLException e) {
            throw new TenancyException("Seeding tenant " + tenant + " failed: " + e.getMessage(), e);
        }
        for (TenantSeeder seeder : seeders) {
            try {
                Tenants.run(tenant, () -> seeder.seed(tenant));
            } catch (Exception e) {
                throw new TenancyException("Seeding tenant " + tenant + " failed in " + seeder.getClass().getName()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** A provisioning listener that seeds every new tenant once its schema is ready. */
    public TenantListener onCreate() {
        return new TenantListener() {
            @Override
            public void afterSchemaReady(TenantInfo tenant) {
                seed(tenant.schema());
            }
        };
    }

    private void runScripts(Connection connection, SchemaName tenant) throws SQLException {
        if (scripts.isEmpty()) {
            return;
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (SeedScript script : scripts) {
                try {
                    statement.execute(script.sql());
                } catch (SQLException e) {
                    connection.rollback();
                    throw new TenancyException("Seed script " + script.name() + " failed in tenant " + tenant + " ("
                            + e.getMessage() + "); none of the seed scripts' changes were kept.", e);
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Builds a {@link TenantSeeding}. */
    public static final class Builder {

        private final TenantAwareDataSource dataSource;
        private final List<SeedScript> scripts = new ArrayList<>();
        private final List<TenantSeeder> seeders = new ArrayList<>();

        private Builder(DataSource dataSource) {
            Objects.requireNonNull(dataSource, "dataSource");
            this.dataSource = dataSource instanceof TenantAwareDataSource tenantAware ? tenantAware
                    : TenantAwareDataSource.wrap(dataSource);
        }

        /** Adds a script; scripts run in the order added. */
        public Builder script(SeedScript script) {
            scripts.add(Objects.requireNonNull(script, "script"));
            return this;
        }

        /** Adds scripts, in order. */
        public Builder scripts(List<SeedScript> scripts) {
            scripts.forEach(this::script);
            return this;
        }

        /** Adds a seeder; seeders run after the scripts, in the order added. */
        public Builder seeder(TenantSeeder seeder) {
            seeders.add(Objects.requireNonNull(seeder, "seeder"));
            return this;
        }

        /** The seeding. */
        public TenantSeeding build() {
            return new TenantSeeding(this);
        }
    }

    /**
     * One SQL script of a tenant seed: statements separated by semicolons, run with the tenant's schema first in the
     * search path, so unqualified names are the tenant's tables.
     *
     * @param name where it came from, for messages (e.g. {@code seed/V1__categories.sql})
     * @param sql its statements
     */
    public record SeedScript(String name, String sql) {

        /** Checks that both parts are present. */
        public SeedScript {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sql, "sql");
        }
    }

    /**
     * Application code that loads data into one tenant, e.g. its default categories or an admin user. It runs inside the
     * tenant's context ({@code Tenants.current()} is the tenant), so repositories and JDBC work in its schema.
     */
    @FunctionalInterface
    public interface TenantSeeder {

        /** Loads the data into {@code tenant}; an exception makes the seeding (and a creation seeding it) fail. */
        void seed(SchemaName tenant) throws Exception;
    }
}
