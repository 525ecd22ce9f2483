package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.check.DatabaseChecks;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.roles.TenantRoles;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Tenancy's start-up checks, hooked around the {@link TenancyMigrationInitializer} (which every data-access bean
 * waits for), so that a misconfigured application stops before its first request or command with a message that
 * says what to fix:
 * <ul>
 * <li>before the start-up migrations: the DataSource is PostgreSQL 13 or newer, and {@code spring.sql.init} will not
 * run schema scripts (they would create tables in {@code public}, where every tenant would see them); data scripts
 * are only warned about; with tenant roles on ({@code tenancy.roles.enabled}), the server is PostgreSQL 16 or newer
 * and the login role has {@code CREATEROLE} (or is a superuser);</li>
 * <li>after them (unless {@code tenancy.migrations.on-startup=none}): the tenant and domain tables exist with every
 * column Tenancy reads.</li>
 * </ul>
 */
final class StartupChecks implements BeanPostProcessor {

    private static final Log log = LogFactory.getLog(StartupChecks.class);

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<TenantTables> tables;
    private final ObjectProvider<TenancyProperties> properties;
    private final Environment environment;
    private final ResourcePatternResolver resources;

    StartupChecks(ObjectProvider<DataSource> dataSource, ObjectProvider<TenantTables> tables,
            ObjectProvider<TenancyProperties> properties, Environment environment, ClassLoader classLoader) {
        this.dataSource = dataSource;
        this.tables = tables;
        this.properties = properties;
        this.environment = environment;
        this.resources = new PathMatchingResourcePatternResolver(classLoader);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof TenancyMigrationInitializer) {
            DatabaseChecks.requirePostgres(pool());
            checkTenantRoles();
            checkSqlInit();
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof TenancyMigrationInitializer
                && properties.getObject().getMigrations().getOnStartup() != MigrateOnStartup.NONE) {
            DatabaseChecks.requireTenantTables(pool(), tables.getObject(),
                    String.join(", ", properties.getObject().getMigrations().getSharedLocations()));
        }
        return bean;
    }

    private DataSource pool() {
        return TenancyAutoConfiguration.tenantAware(dataSource.getObject()).target();
    }

    /** With tenant roles on: the server is PostgreSQL 16 or later and the login may create roles. */
    private void checkTenantRoles() {
        TenantRoles roles = TenancyAutoConfiguration.tenantAware(dataSource.getObject()).tenantRoles();
        if (roles == null) {
            return;
        }
        try (Connection connection = pool().getConnection()) {
            roles.checkSupported(connection);
        } catch (SQLException e) {
            throw new TenancyException("Tenancy could not check that the database and login can use tenant roles "
                    + "(tenancy.roles.enabled=true): " + e.getMessage(), e);
        }
    }

    private void checkSqlInit() {
        String mode = environment.getProperty("spring.sql.init.mode", "embedded").toLowerCase(Locale.ROOT);
        if (!mode.equals("always")) {
            return;
        }
        List<String> schemaScripts = scripts("schema");
        if (!schemaScripts.isEmpty()) {
            throw new TenancyException("spring.sql.init.mode=always would run " + String.join(", ", schemaScripts)
                    + " in the public schema, creating tables every tenant would see. Move the CREATE statements "
                    + "into Tenancy's migrations (shared tables: tenancy.migrations.shared-locations, by default "
                    + "db/migration/shared; tenant tables: db/migration/tenant) and remove spring.sql.init.mode "
                    + "(or set it to never).");
        }
        List<String> dataScripts = scripts("data");
        if (!dataScripts.isEmpty()) {
            log.warn("spring.sql.init.mode=always runs " + String.join(", ", dataScripts) + " in the public schema "
                    + "only, once, after the shared migrations. Rows for tenant tables belong in a tenant seed "
                    + "(tenancy.seed.locations) instead.");
        }
    }

    /** The existing scripts Spring Boot's SQL initialisation would run, e.g. {@code schema.sql}. */
    private List<String> scripts(String kind) {
        String configured = environment.getProperty("spring.sql.init." + kind + "-locations");
        String platform = environment.getProperty("spring.sql.init.platform", "all");
        List<String> locations = configured != null ? List.of(configured.split(","))
                : List.of("classpath*:" + kind + "-" + platform + ".sql", "classpath*:" + kind + ".sql");
        List<String> found = new ArrayList<>();
        for (String location : locations) {
            String pattern = location.trim().replaceFirst("^optional:", "");
            try {
                for (Resource resource : resources.getResources(pattern)) {
                    if (resource.exists()) {
                        found.add(resource.getFilename());
                    }
                }
            } catch (IOException e) {
                found.add(pattern);
            }
        }
        return found;
    }
}
