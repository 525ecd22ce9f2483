package dev.tenancy.test;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The database of plain (non-Spring) tenant tests: one per JVM and set of migration locations, created on the test
 * PostgreSQL server on first use, its {@code public} schema migrated with the shared migrations by Tenancy's
 * {@link TenantMigrator}; tenants are created by a {@link TenantProvisioner} (cloned from its template schema,
 * without audit records). It lives in the
 * root {@link ExtensionContext.Store}, so JUnit closes it when the test run ends: its tenants are removed, its pool
 * closed and the database dropped.
 */
final class PlainEnvironment implements TenantEnvironment, AutoCloseable {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PlainEnvironment.class);
    private static final int POOL_SIZE = 8;

    private final TestDatabase database;
    private final HikariDataSource pool;
    private final TenantAwareDataSource dataSource;
    private final TenantTables tables = TenantTables.defaults();
    private final TestTenantFactory factory;
    private final TenantRegistry registry = new TenantRegistry(this);

    private PlainEnvironment(TestDatabase database, HikariDataSource pool, TenantMigrator migrator) {
        this.database = database;
        this.pool = pool;
        this.dataSource = TenantAwareDataSource.wrap(pool);
        this.factory = new TestTenantFactory(pool, tables,
                TenantProvisioner.builder(pool, migrator).tables(tables).audit(false).build());
    }

    /** The environment for {@code settings}' migrations, created on first use in this test run. */
    static PlainEnvironment of(ExtensionContext context, TenantTestSettings settings) {
        Locations key = new Locations(settings.sharedMigrations(), settings.tenantMigrations());
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(key, PlainEnvironment::create,
                PlainEnvironment.class);
    }

    private static PlainEnvironment create(Locations locations) {
        TestDatabase database = TestPostgres.server().createDatabase("tenant_tests");
        HikariDataSource pool = null;
        try {
            pool = pool(database);
            TenantMigrator migrator = TenantMigrator.builder(pool)
                    .sharedLocations(locations.shared().toArray(String[]::new))
                    .tenantLocations(locations.tenant().toArray(String[]::new))
                    .build();
            migrator.migrateShared().throwIfFailed();
            PlainEnvironment environment = new PlainEnvironment(database, pool, migrator);
            environment.requireTables(locations.shared());
            return environment;
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            database.close();
            throw e;
        }
    }

    private static HikariDataSource pool(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setPoolName("tenant-tests-" + database.name());
        return new HikariDataSource(config);
    }

    private void requireTables(List<String> sharedMigrations) {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT to_regclass(?), to_regclass(?)")) {
            select.setString(1, tables.tenantTable());
            select.setString(2, tables.domainTable());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                if (rows.getString(1) == null || rows.getString(2) == null) {
                    throw new TenancyException("The shared migrations " + sharedMigrations + " did not create "
                            + tables.tenantTable() + " and " + tables.domainTable() + ", which test tenants are "
                            + "registered in. Point @TenantTest(sharedMigrations = ...) at the migrations that create "
                            + "the tables of the application's TenantMixin and DomainMixin entities.");
                }
            }
        } catch (SQLException e) {
            throw new TenancyException("Could not check the tenant tables of the test database: " + e.getMessage(), e);
        }
    }

    /** The registry of this database's test tenants. */
    TenantRegistry registry() {
        return registry;
    }

    /** The tenant-aware DataSource tests use: connections follow the tenant context. */
    TenantAwareDataSource dataSource() {
        return dataSource;
    }

    @Override
    public TestTenantFactory factory(TenantTestSettings settings) {
        return factory;
    }

    @Override
    public DataSource pool() {
        return pool;
    }

    @Override
    public void tenantChanged(TestTenant tenant) {
        // Plain tests have no tenant directory of the extension's to evict from.
    }

    /** Removes the tenants, closes the pool and drops the database. */
    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            try {
                pool.close();
            } finally {
                database.close();
            }
        }
    }

    /** What tells plain test databases apart: the migrations applied to them. */
    private record Locations(List<String> shared, List<String> tenant) {
    }
}
