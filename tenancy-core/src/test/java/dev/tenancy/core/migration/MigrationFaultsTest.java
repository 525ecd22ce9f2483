package dev.tenancy.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.MigrationReport.SchemaResult.Outcome;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Faults during fleet migrations: a migration failing in some tenants only, a run killed half-way ({@code kill -9}),
 * two runs at once, and a deploy of new migrations while instances with the old ones still serve. After each, the
 * rerun finishes the job and every Flyway history table is intact: no failed row, each version once, in order.
 * Section "Migration faults" of {@code RELIABILITY.md}.
 */
@ExtendWith(TestDatabaseExtension.class)
class MigrationFaultsTest {

    private static final List<String> TENANTS = List.of("tenant_a", "tenant_b", "tenant_c", "tenant_d");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static TestDatabase database;
    private static FleetFixture fixture;

    @BeforeAll
    static void pool(TestDatabase testDatabase) {
        database = testDatabase;
        fixture = new FleetFixture(database, 8);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    /** Four tenants at version 2 of the tenant migrations. */
    @BeforeEach
    void fourTenantsAtVersionTwo() {
        fixture.reset();
        fixture.migrator("tenant-v2").build().migrateShared().throwIfFailed();
        TENANTS.forEach(fixture::tenant);
        fixture.migrator("tenant-v2").build().migrateTenants().throwIfFailed();
    }

    @Test
    void aMigrationFailingInSomeTenantsIsReportedPerSchemaTheOthersCompleteAndTheRerunFinishes() {
        fixture.sql("INSERT INTO tenant_b.notes (body) VALUES (NULL); INSERT INTO tenant_d.notes (body) VALUES (NULL)");
        TenantMigrator migrator = fixture.migrator("tenant-failing").build();

        MigrationReport report = migrator.migrateTenants();

        assertThat(report.successful()).isFalse();
        assertThat(report.failures()).extracting(SchemaResult::schema).containsExactly("tenant_b", "tenant_d");
        assertThat(report.failures()).allSatisfy(failed -> {
            assertThat(failed.versionAfter()).isEqualTo("3");
            assertThat(failed.error()).hasMessageContaining("Schema " + failed.schema() + ": migration 4")
                    .hasMessageContaining("contains null values");
        });
        assertThat(report.count(Outcome.MIGRATED)).isEqualTo(2);
        assertThat(report.summary()).contains("2 migrated", "2 failed", "Schema tenant_b:", "Schema tenant_d:");
        assertThat(versionsOfEveryTenant()).containsExactly("1,2,3,4", "1,2,3", "1,2,3,4", "1,2,3");
        assertHistoriesIntact();

        fixture.sql("UPDATE tenant_b.notes SET body = '' WHERE body IS NULL;"
                + "UPDATE tenant_d.notes SET body = '' WHERE body IS NULL");
        MigrationReport rerun = migrator.migrateTenants();

        assertThat(rerun.successful()).isTrue();
        assertThat(rerun.results()).extracting(SchemaResult::schema).containsExactly("tenant_b", "tenant_d");
        assertThat(rerun.skipped()).isEqualTo(2);
        assertThat(versionsOfEveryTenant()).containsOnly("1,2,3,4");
        assertHistoriesIntact();
    }

    @Test
    void aRunKilledHalfWayLeavesEverySchemaAtAGoodVersionAndTheRerunFinishes() throws Exception {
        Process child = null;
        try (Connection blocker = database.openConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE tenant_b.notes IN ACCESS EXCLUSIVE MODE");
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), FleetChild.class.getName(), database.jdbcUrl(),
                    database.username(), database.password() == null ? "" : database.password())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            await(() -> "t".equals(one("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = '"
                    + FleetChild.APPLICATION_NAME + "' AND wait_event_type = 'Lock' AND query LIKE 'ALTER TABLE notes%')")),
                    "the child's run to be held up in tenant_b, half-way through the fleet");
            child.destroyForcibly();
            assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
        }
        await(() -> "0".equals(one("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                + FleetChild.APPLICATION_NAME + "'")), "PostgreSQL to end the killed run's sessions");

        assertThat(versionsOfEveryTenant()).as("done before the kill, the one it was in, not yet started")
                .containsExactly("1,2,3", "1,2", "1,2", "1,2");
        assertHistoriesIntact();

        MigrationReport rerun = fixture.migrator("tenant-v3").lockWait(Duration.ZERO).build().migrateTenants();

        assertThat(rerun.successful()).isTrue();
        assertThat(rerun.skipped()).as("the one done before the kill").isEqualTo(1);
        assertThat(rerun.results()).extracting(SchemaResult::schema)
                .containsExactly("tenant_b", "tenant_c", "tenant_d");
        assertThat(versionsOfEveryTenant()).containsOnly("1,2,3");
        assertHistoriesIntact();
    }

    @Test
    void twoRunsAtOnceBothSucceedAndApplyEachMigrationOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<MigrationReport>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            TenantMigrator migrator = fixture.migrator("tenant-v3").build();
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return migrator.migrateTenants();
            }));
        }
        start.countDown();
        MigrationReport first = runs.get(0).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        MigrationReport second = runs.get(1).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(first.successful()).isTrue();
        assertThat(second.successful()).isTrue();
        assertThat(first.count(Outcome.MIGRATED) + second.count(Outcome.MIGRATED)).as("each schema migrated once")
                .isEqualTo(TENANTS.size());
        assertThat(versionsOfEveryTenant()).containsOnly("1,2,3");
        assertHistoriesIntact();
    }

    @Test
    void aDeployOfNewMigrationsLeavesOldInstancesServingAndNothingUndone() {
        TenantMigrator old = fixture.migrator("tenant-v2").build();
        TenantMigrator next = fixture.migrator("tenant-v3").build();
        String oldInstanceWrites = "INSERT INTO tenant_a.notes (body) VALUES ('written by the old code')";
        String oldInstanceReads = "SELECT count(*) FROM (SELECT id, body, created_at FROM tenant_a.notes) n";

        assertThat(next.migrateAll().successful()).as("the new instance migrates at its start").isTrue();

        fixture.sql(oldInstanceWrites);
        assertThat(one(oldInstanceReads)).as("the old instance's statements still work").isEqualTo("1");
        MigrationReport oldRestart = old.migrateAll();
        assertThat(oldRestart.successful()).as("an old instance restarting meanwhile").isTrue();
        assertThat(oldRestart.results()).allSatisfy(result -> assertThat(result.applied()).isEmpty());
        assertThat(versionsOfEveryTenant()).as("nothing undone by the old code").containsOnly("1,2,3");

        fixture.tenant("tenant_new");
        assertThat(old.migrateSchema(SchemaName.of("tenant_new")).successful()).isTrue();
        assertThat(fixture.versions("tenant_new")).as("a tenant the old code creates gets the old set").containsExactly(
                "1", "2");
        MigrationReport catchUp = next.migrateTenants();
        assertThat(catchUp.successful()).isTrue();
        assertThat(catchUp.results()).filteredOn(result -> !result.applied().isEmpty()).extracting(SchemaResult::schema)
                .as("the next run of the new code catches up").containsExactly("tenant_new");
        assertThat(fixture.versions("tenant_new")).containsExactly("1", "2", "3");
        assertHistoriesIntact();
    }

    /** Each tenant's applied versions, joined by commas, in schema order. */
    private static List<String> versionsOfEveryTenant() {
        return TENANTS.stream().map(schema -> String.join(",", fixture.versions(schema))).toList();
    }

    /** Every tenant schema's history: no failed row, each version once, ranks in version order. */
    private static void assertHistoriesIntact() {
        for (String schema : fixture.strings("SELECT schema_name FROM public.tenants ORDER BY schema_name")) {
            String history = schema + ".flyway_schema_history";
            assertThat(fixture.strings("SELECT version FROM " + history + " WHERE NOT success"))
                    .as("failed rows in %s", history).isEmpty();
            assertThat(fixture.strings("SELECT version FROM " + history + " WHERE version IS NOT NULL GROUP BY version "
                    + "HAVING count(*) > 1")).as("versions applied twice in %s", history).isEmpty();
            assertThat(fixture.strings("SELECT version FROM " + history + " WHERE version IS NOT NULL ORDER BY "
                    + "installed_rank")).as("the order of %s", history).isSortedAccordingTo(
                            (a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        }
    }

    private static String one(String query) {
        List<String> values = fixture.strings(query);
        return values.isEmpty() ? null : values.get(0);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Gave up waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
