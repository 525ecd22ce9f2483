package dev.tenancy.test;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.SchemaMigrator;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The test tenants of one Spring application context, registered in it as a bean by
 * {@link TenantTestContextCustomizer}. Tenants are created with the application's own beans: its
 * {@link TenantProvisioner} when it has one, otherwise a provisioner of the extension's on its DataSource,
 * {@link TenantTables} and {@link SchemaMigrator} (or a {@link TenantMigrator} with its tenant migration locations);
 * its {@link TenantDirectory} is told about each change. They are removed when
 * the test run ends (see {@link SpringSupport}) or when the context closes, whichever comes first; the context's test
 * database, if the customizer created one, is dropped when the context has closed.
 */
final class SpringTenants implements TenantEnvironment {

    static final String BEAN_NAME = "tenancyTestTenants";

    private static final Log log = LogFactory.getLog(SpringTenants.class);
    private static final String PROPERTIES = "dev.tenancy.boot.autoconfigure.TenancyProperties";

    private final ConfigurableApplicationContext context;
    private final TestDatabase database;
    private final TenantRegistry registry = new TenantRegistry(this);
    private final Map<List<String>, TenantProvisioner> provisioners = new ConcurrentHashMap<>();

    SpringTenants(ConfigurableApplicationContext context, TestDatabase database) {
        this.context = context;
        this.database = database;
    }

    TenantRegistry registry() {
        return registry;
    }

    @Override
    public TestTenantFactory factory(TenantTestSettings settings) {
        TenantTables tables = context.getBeanProvider(TenantTables.class).getIfAvailable(TenantTables::defaults);
        TenantProvisioner provisioner = context.getBeanProvider(TenantProvisioner.class).getIfAvailable(() ->
                provisioners.computeIfAbsent(tenantLocations(settings), locations -> provisioner(tables, locations)));
        return new TestTenantFactory(pool(), tables, provisioner);
    }

    /** The extension's own provisioner, for applications without one: without audit records, kept for the context. */
    private TenantProvisioner provisioner(TenantTables tables, List<String> tenantLocations) {
        SchemaMigrator migrator = context.getBeanProvider(SchemaMigrator.class)
                .getIfAvailable(() -> TenantMigrator.builder(pool()).tables(tables)
                        .tenantLocations(tenantLocations.toArray(String[]::new)).build());
        return TenantProvisioner.builder(pool(), migrator).tables(tables).audit(false).build();
    }

    @Override
    public DataSource pool() {
        DataSource dataSource = context.getBean(DataSource.class);
        try {
            return dataSource.isWrapperFor(TenantAwareDataSource.class)
                    ? dataSource.unwrap(TenantAwareDataSource.class).target() : dataSource;
        } catch (SQLException e) {
            throw new TenancyException("Could not unwrap the application's DataSource: " + e.getMessage(), e);
        }
    }

    @Override
    public void tenantChanged(TestTenant tenant) {
        context.getBeanProvider(TenantDirectory.class).ifAvailable(directory -> {
            directory.evict(tenant.domain());
            directory.evictTenant(tenant.schema());
        });
    }

    private List<String> tenantLocations(TenantTestSettings settings) {
        if (ClassUtils.isPresent(PROPERTIES, getClass().getClassLoader())) {
            List<String> configured = StarterSettings.tenantLocations(context);
            if (configured != null) {
                return configured;
            }
        }
        return settings.tenantMigrations();
    }

    /** Removes the tenants while the application's DataSource is still open (the context is closing). */
    void contextClosing() {
        try {
            registry.close();
        } catch (RuntimeException e) {
            log.warn("Could not remove every test tenant of " + context.getDisplayName() + ": " + e.getMessage(), e);
        }
    }

    /** Drops the context's test database, once every bean (the DataSource included) is destroyed. */
    void dropDatabase() {
        if (database == null) {
            return;
        }
        try {
            database.close();
        } catch (RuntimeException e) {
            if (!TestPostgres.server().isEmbedded()) {
                log.warn("Could not drop test database " + database.name() + ": " + e.getMessage());
            }
        }
    }
}
