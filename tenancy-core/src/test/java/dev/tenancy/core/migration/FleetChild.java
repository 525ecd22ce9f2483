package dev.tenancy.core.migration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The process {@link MigrationFaultsTest} kills half-way: it migrates the fleet with the tenant set {@code tenant-v3},
 * one schema at a time, and prints the report if it ever finishes. Its sessions carry the application name
 * {@value #APPLICATION_NAME}.
 *
 * <p>Arguments: JDBC URL, user, password (empty for none).
 */
public final class FleetChild {

    static final String APPLICATION_NAME = "tenancy-fleet-child";

    private FleetChild() {
    }

    public static void main(String[] args) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2].isEmpty() ? null : args[2]);
        config.setMaximumPoolSize(3);
        config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            System.out.println("migrating");
            System.out.flush();
            MigrationReport report = TenantMigrator.builder(pool).sharedLocations("classpath:migrations/shared-basic")
                    .tenantLocations("classpath:migrations/tenant-v3").parallelism(1).build().migrateTenants();
            System.out.println(report.summary());
        }
    }
}
