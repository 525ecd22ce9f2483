package dev.tenancy.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.migration.MigrationReport.SchemaResult.Outcome;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

@ExtendWith(TestDatabaseExtension.class)
class ConcurrentRunsTest {

    @Test
    void whileOneRunIsInProgressAnotherRefusesOrWaitsAndEveryMigrationIsAppliedOnce(TestDatabase database)
            throws Exception {
        ExecutorService background = Executors.newFixedThreadPool(2);
        try (FleetFixture fixture = new FleetFixture(database, 8); Connection blocker = database.openConnection()) {
            fixture.migrator("tenant-v2").build().migrateShared().throwIfFailed();
            fixture.tenant("tenant_a");
            fixture.tenant("tenant_b");
            fixture.migrator("tenant-v2").build().migrateTenants().throwIfFailed();
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE tenant_a.notes IN ACCESS EXCLUSIVE MODE");
            }

            Future<MigrationReport> first = background.submit(
                    () -> fixture.migrator("tenant-v3").build().migrateTenants());
            await("the first run to be held up in tenant_a", () -> !fixture.strings("SELECT pid FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND query LIKE 'ALTER TABLE notes%'").isEmpty());

            TenantMigrator impatient = fixture.migrator("tenant-v3").lockWait(Duration.ZERO).build();
            assertThatThrownBy(impatient::migrateTenants)
                    .isInstanceOf(TenancyException.class)
                    .hasMessageContaining("Another migration run is in progress on this database (held by pid ");

            Future<MigrationReport> patient = background.submit(
                    () -> fixture.migrator("tenant-v3").build().migrateTenants());
            await("the patient run to wait for the run lock", () -> !fixture.strings(
                    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").isEmpty());
            blocker.rollback();

            MigrationReport firstReport = first.get(60, TimeUnit.SECONDS);
            MigrationReport patientReport = patient.get(60, TimeUnit.SECONDS);
            assertThat(firstReport.count(Outcome.MIGRATED)).isEqualTo(2);
            assertThat(patientReport.successful()).isTrue();
            assertThat(patientReport.skipped()).isEqualTo(2);
            assertThat(patientReport.results()).isEmpty();
            assertThat(fixture.versions("tenant_a")).containsExactly("1", "2", "3");
            assertThat(fixture.versions("tenant_b")).containsExactly("1", "2", "3");
        } finally {
            background.shutdownNow();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
