package dev.tenancy.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.MigrationPlan.PendingMigration;
import dev.tenancy.core.migration.MigrationReport.AppliedMigration;
import dev.tenancy.core.migration.MigrationReport.SchemaResult.Outcome;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class FailingMigrationTest {

    private static FleetFixture fixture;

    @BeforeAll
    static void threeTenantsAtVersionTwo(TestDatabase database) {
        fixture = new FleetFixture(database, 4);
        fixture.migrator("tenant-v2").build().migrateShared().throwIfFailed();
        fixture.tenant("tenant_a");
        fixture.tenant("tenant_b");
        fixture.tenant("tenant_c");
        fixture.migrator("tenant-v2").build().migrateTenants().throwIfFailed();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void aMigrationFailingInOneTenantStopsNeitherTheOthersNorTheNextRun() {
        fixture.sql("INSERT INTO tenant_b.notes (body) VALUES (NULL)");
        TenantMigrator migrator = fixture.migrator("tenant-failing").build();

        MigrationReport report = migrator.migrateTenants();

        assertThat(report.successful()).isFalse();
        assertThat(report.count(Outcome.MIGRATED)).isEqualTo(2);
        assertThat(report.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.schema()).isEqualTo("tenant_b");
            assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(failed.versionBefore()).isEqualTo("2");
            assertThat(failed.versionAfter()).as("its last good version").isEqualTo("3");
            assertThat(failed.applied()).extracting(AppliedMigration::version).containsExactly("3");
            assertThat(failed.error()).hasMessageStartingWith(
                    "Schema tenant_b: migration 4 - bodies required failed: ERROR: column \"body\" of relation "
                            + "\"notes\" contains null values");
        });
        assertThat(report.summary()).contains("2 migrated").contains("1 failed").contains("Schema tenant_b:");
        assertThat(fixture.versions("tenant_a")).containsExactly("1", "2", "3", "4");
        assertThat(fixture.versions("tenant_b")).containsExactly("1", "2", "3");
        assertThat(fixture.versions("tenant_c")).containsExactly("1", "2", "3", "4");

        assertThat(migrator.status()).extracting(SchemaStatus::schema, SchemaStatus::version, SchemaStatus::state)
                .containsExactly(tuple("tenant_a", "4", SchemaStatus.State.UP_TO_DATE),
                        tuple("tenant_b", "3", SchemaStatus.State.FAILED),
                        tuple("tenant_c", "4", SchemaStatus.State.UP_TO_DATE));
        assertThat(migrator.plan(SchemaName.of("tenant_b")).pending()).extracting(PendingMigration::version)
                .containsExactly("4");

        fixture.sql("UPDATE tenant_b.notes SET body = '' WHERE body IS NULL");
        MigrationReport again = migrator.migrateTenants();

        assertThat(again.successful()).isTrue();
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(again.results()).singleElement().satisfies(fixed -> {
            assertThat(fixed.schema()).isEqualTo("tenant_b");
            assertThat(fixed.versionBefore()).isEqualTo("3");
            assertThat(fixed.applied()).extracting(AppliedMigration::version).containsExactly("4");
        });
        assertThat(fixture.versions("tenant_b")).containsExactly("1", "2", "3", "4");
        assertThat(migrator.status()).extracting(SchemaStatus::state).containsOnly(SchemaStatus.State.UP_TO_DATE);
    }
}
