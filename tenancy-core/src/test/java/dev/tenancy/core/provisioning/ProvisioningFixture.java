package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.test.postgres.TestDatabase;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A test class's database for provisioning: a Hikari pool, the application's tenant table with columns of its own
 * ({@code name} NOT NULL without default, {@code subscription_plan} with a default, {@code max_users}), the domain
 * table, and a shared {@code public.plans} table that tenant tables refer to.
 */
final class ProvisioningFixture implements AutoCloseable {

    static final String TABLES = """
            CREATE TABLE public.plans (code varchar(20) PRIMARY KEY);
            INSERT INTO public.plans VALUES ('free'), ('pro');
            CREATE TABLE public.tenants (
                id bigserial PRIMARY KEY,
                schema_name varchar(63) NOT NULL UNIQUE,
                auto_create_schema boolean NOT NULL DEFAULT true,
                auto_drop_schema boolean NOT NULL DEFAULT false,
                status varchar(20) NOT NULL DEFAULT 'PROVISIONING',
                name varchar(100) NOT NULL,
                subscription_plan varchar(20) NOT NULL DEFAULT 'free' REFERENCES public.plans (code),
                max_users integer,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE public.domains (
                id bigserial PRIMARY KEY,
                domain varchar(253) NOT NULL UNIQUE,
                tenant_id bigint NOT NULL REFERENCES public.tenants (id),
                is_primary boolean NOT NULL DEFAULT false
            );
            CREATE UNIQUE INDEX domains_one_primary_per_tenant ON public.domains (tenant_id) WHERE is_primary;
            """;

    private final HikariDataSource pool;

    ProvisioningFixture(TestDatabase database, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("provisioning-" + database.name());
        this.pool = new HikariDataSource(config);
        sql(TABLES);
    }

    HikariDataSource pool() {
        return pool;
    }

    static final String TENANT = "classpath:db/provisioning/tenant";
    static final String LATER = "classpath:db/provisioning/later";
    static final String FAILING = "classpath:db/provisioning/failing";

    /** The fleet orchestrator over this database, migrating tenant schemas with {@code locations}. */
    TenantMigrator migrator(String... locations) {
        return TenantMigrator.builder(pool).tenantLocations(locations.length == 0 ? new String[] {TENANT} : locations)
                .build();
    }

    /** A provisioner over this database with the tenant migrations, a template and suffix {@code localhost}. */
    TenantProvisioner.Builder provisioner() {
        return TenantProvisioner.builder(pool, migrator());
    }

    void sql(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> strings(String query) {
        List<String> values = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    String string(String query) {
        List<String> values = strings(query);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Tenant rows as {@code schema:status}, by id. */
    List<String> tenants() {
        return strings("SELECT schema_name || ':' || status FROM public.tenants ORDER BY id");
    }

    /** Domains as {@code domain:schema:primary}, by id. */
    List<String> domains() {
        return strings("SELECT d.domain || ':' || t.schema_name || ':' || d.is_primary FROM public.domains d "
                + "JOIN public.tenants t ON t.id = d.tenant_id ORDER BY d.id");
    }

    /** Tenant-looking schemas in the database (the template excluded). */
    List<String> schemas() {
        return strings("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' ORDER BY nspname");
    }

    /** Creations still in the provisioning ledger. */
    List<String> ledger() {
        return strings("SELECT schema_name FROM public.tenancy_provisioning ORDER BY schema_name");
    }

    /** Audit lines as {@code action:schema:outcome}, oldest first. */
    List<String> audit() {
        return strings("SELECT action || ':' || coalesce(schema_name, '-') || ':' || outcome FROM public.tenancy_audit "
                + "ORDER BY id");
    }

    boolean schemaExists(String schema) {
        return "t".equals(string("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '" + schema + "')"));
    }

    /** Removes every tenant, its schema and the bookkeeping, so a test starts from nothing. */
    void reset() {
        for (String schema : schemas()) {
            sql("DROP SCHEMA " + SchemaName.of(schema).quoted() + " CASCADE");
        }
        sql("DELETE FROM public.domains; DELETE FROM public.tenants;"
                + "DO $$ BEGIN IF to_regclass('public.tenancy_provisioning') IS NOT NULL THEN "
                + "DELETE FROM public.tenancy_provisioning; END IF; END $$");
    }

    @Override
    public void close() {
        pool.close();
    }
}
