package dev.tenancy.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Schema migrations; Tenancy runs them instead of Spring Boot's Flyway auto-configuration. */
public class TenancyMigrationProperties {

    /**
     * What to migrate while the application starts, before entity managers are built: "shared" (the shared
     * schema), "all" (the shared schema, then every tenant schema; any failure stops the start) or "none". Unless
     * "none", tenant creations a crash interrupted are then cleaned up. Started with a command, the application
     * migrates at most the shared schema, and nothing for migrate-schemas.
     */
    private MigrateOnStartup onStartup = MigrateOnStartup.SHARED;

    /** Flyway locations of the shared schema's migrations. */
    private List<String> sharedLocations = new ArrayList<>(List.of("classpath:db/migration/shared"));

    /** Flyway locations of every tenant schema's migrations. */
    private List<String> tenantLocations = new ArrayList<>(List.of("classpath:db/migration/tenant"));

    /**
     * At most how many tenant schemas migrate at once. By default the number of processors (at least 2). The
     * migrator also stays below the connection pool's maximum size, keeping one connection for its run lock.
     */
    private Integer parallelism;

    /** Name of the Flyway history table in the shared schema and in every tenant schema. */
    private String historyTable = "flyway_schema_history";

    /**
     * How long a migration run waits for another run on the same database (another instance starting, a
     * migrate-schemas command) before it gives up.
     */
    private Duration lockWait = Duration.ofMinutes(10);

    public MigrateOnStartup getOnStartup() {
        return onStartup;
    }

    public void setOnStartup(MigrateOnStartup onStartup) {
        this.onStartup = onStartup;
    }

    public List<String> getSharedLocations() {
        return sharedLocations;
    }

    public void setSharedLocations(List<String> sharedLocations) {
        this.sharedLocations = sharedLocations;
    }

    public List<String> getTenantLocations() {
        return tenantLocations;
    }

    public void setTenantLocations(List<String> tenantLocations) {
        this.tenantLocations = tenantLocations;
    }

    public Integer getParallelism() {
        return parallelism;
    }

    public void setParallelism(Integer parallelism) {
        this.parallelism = parallelism;
    }

    public String getHistoryTable() {
        return historyTable;
    }

    public void setHistoryTable(String historyTable) {
        this.historyTable = historyTable;
    }

    public Duration getLockWait() {
        return lockWait;
    }

    public void setLockWait(Duration lockWait) {
        this.lockWait = lockWait;
    }
}
