package dev.tenancy.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.migration.MigrationListener.MigrationProgress;
import dev.tenancy.core.migration.MigrationReport.AppliedMigration;
import dev.tenancy.core.migration.MigrationReport.SchemaResult.Outcome;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@ExtendWith(TestDatabaseExtension.class)
class TenantMigratorTest {

    private static FleetFixture fixture;

    @BeforeAll
    static void pool(TestDatabase database) {
        fixture = new FleetFixture(database, 4);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void emptyDatabaseWithSharedTables() {
        fixture.reset();
        fixture.migrator("tenant-v2").build().migrateShared().throwIfFailed();
    }

    @Test
    void sharedMigrationsGoToPublicAndTenantMigrationsToEachTenantSchema() {
        fixture.tenant("tenant_a");
        fixture.tenant("tenant_b");

        MigrationReport report = fixture.migrator("tenant-v2").build().migrateTenants();

        assertThat(report.successful()).isTrue();
        assertThat(report.results()).extracting(SchemaResult::schema).containsExactly("tenant_a", "tenant_b");
        assertThat(report.results()).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.MIGRATED);
            assertThat(result.versionBefore()).isNull();
            assertThat(result.versionAfter()).isEqualTo("2");
            assertThat(result.applied()).extracting(AppliedMigration::toString)
                    .containsExactly("1 - notes", "2 - tags");
        });
        assertThat(fixture.versions("public")).containsExactly("1");
        assertThat(fixture.versions("tenant_a")).containsExactly("1", "2");
        assertThat(fixture.tableExists("tenant_b.tags")).isTrue();
        assertThat(fixture.tableExists("public.notes")).isFalse();
    }

    @Test
    void migrateAllRunsTheSharedMigrationsFirst() {
        fixture.reset();
        MigrationReport report = fixture.migrator("tenant-v2").sharedLocations("classpath:migrations/shared-seeding")
                .build().migrateAll();

        assertThat(report.results()).extracting(SchemaResult::schema).containsExactly("public", "tenant_seeded");
        assertThat(report.successful()).isTrue();
        assertThat(fixture.versions("tenant_seeded")).containsExactly("1", "2");
    }

    @Test
    void whenTheSharedMigrationsFailNoTenantIsTouched() {
        fixture.tenant("tenant_a");

        MigrationReport report = fixture.migrator("tenant-v2").sharedLocations("classpath:migrations/shared-failing")
                .build().migrateAll();

        assertThat(report.successful()).isFalse();
        assertThat(report.results()).singleElement().satisfies(shared -> {
            assertThat(shared.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(shared.error()).hasMessageContaining("Schema public").hasMessageContaining("2 - broken");
        });
        assertThat(report.notAttempted()).isEqualTo(1);
        assertThat(fixture.tableExists("tenant_a.flyway_schema_history")).isFalse();
    }

    @Test
    void aSecondRunWithNothingToDoSkipsFlywayThroughTheLedger() {
        fixture.tenant("tenant_a");
        fixture.tenant("tenant_b");
        fixture.migrator("tenant-v2").build().migrateTenants().throwIfFailed();

        MigrationReport again = fixture.migrator("tenant-v2").build().migrateTenants();

        assertThat(again.skipped()).isEqualTo(2);
        assertThat(again.results()).isEmpty();
        assertThat(again.successful()).isTrue();
    }

    @Test
    void theLedgerIsNotTrustedForASchemaThatWasDroppedAndCreatedAgain() {
        fixture.tenant("tenant_a");
        fixture.tenant("tenant_b");
        fixture.migrator("tenant-v2").build().migrateTenants().throwIfFailed();
        fixture.sql("DROP SCHEMA tenant_b CASCADE; CREATE SCHEMA tenant_b");

        MigrationReport report = fixture.migrator("tenant-v2").build().migrateTenants();

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.results()).singleElement().satisfies(result -> {
            assertThat(result.schema()).isEqualTo("tenant_b");
            assertThat(result.outcome()).isEqualTo(Outcome.MIGRATED);
        });
        assertThat(fixture.versions("tenant_b")).containsExactly("1", "2");
    }

    @Test
    void aNewMigrationMakesEverySchemaRunAgainAndIsAppliedOnce() {
        fixture.tenant("tenant_a");
        fixture.tenant("tenant_b");
        fixture.migrator("tenant-v2").build().migrateTenants().throwIfFailed();

        MigrationReport report = fixture.migrator("tenant-v3").build().migrateTenants();

        assertThat(report.skipped()).isZero();
        assertThat(report.results()).allSatisfy(result -> {
            assertThat(result.versionBefore()).isEqualTo("2");
            assertThat(result.versionAfter()).isEqualTo("3");
            assertThat(result.applied()).extracting(AppliedMigration::version).containsExactly("3");
        });
        assertThat(fixture.migrator("tenant-v3").build().migrateTenants().skipped()).isEqualTo(2);
    }

    @Test
    void thePlanListsWhatEachSchemaIsWaitingFor() {
        fixture.tenant("tenant_a");
        fixture.tenant("tenant_b");
        fixture.migrator("tenant-v2").build().migrateTenants().throwIfFailed();
        fixture.tenant("tenant_c");
        fixture.tenantRow("tenant_gone", "ACTIVE");

        MigrationPlan plan = fixture.migrator("tenant-v3").build().plan();

        assertThat(plan.shared().isUpToDate()).isTrue();
        assertThat(plan.tenants()).extracting(Object::toString).containsExactly(
                "tenant_gone: schema missing",
                "tenant_a: at 2, pending [3 - note priority]",
                "tenant_b: at 2, pending [3 - note priority]",
                "tenant_c: empty, pending [1 - notes, 2 - tags, 3 - note priority]");
        assertThat(plan.isUpToDate()).isFalse();
        assertThat(fixture.versions("tenant_a")).containsExactly("1", "2");

        fixture.migrator("tenant-v3").build().migrateTenants();
        MigrationPlan after = fixture.migrator("tenant-v3").build().plan();
        assertThat(after.tenants()).extracting(Object::toString).containsExactly("tenant_gone: schema missing");
        assertThat(after.tenantsUpToDate()).isEqualTo(3);
    }

    @Test
    void anUnknownSchemaIsRefused() {
        TenantMigrator migrator = fixture.migrator("tenant-v2").build();

        assertThatThrownBy(() -> migrator.migrateSchema(SchemaName.of("tenant_nobody")))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("Unknown schema 'tenant_nobody'");
        assertThat(fixture.schemaExists("tenant_nobody")).isFalse();
    }

    @Test
    void aSchemaThatIsNotATenantsIsRefusedAndLeftAlone() {
        fixture.sql("CREATE SCHEMA reporting");
        TenantMigrator migrator = fixture.migrator("tenant-v2").build();

        assertThatThrownBy(() -> migrator.migrateSchema(SchemaName.of("reporting")))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("Schema 'reporting' exists but is not a tenant's");
        assertThat(fixture.tableExists("reporting.flyway_schema_history")).isFalse();
    }

    @Test
    void migrateSchemaMigratesThatTenantOnly() {
        fixture.tenant("tenant_a");
        fixture.tenant("tenant_b");

        MigrationReport report = TenantMigrator.builder(TenantAwareDataSource.wrap(fixture.pool()))
                .tenantLocations("classpath:migrations/tenant-v2").build().migrateSchema(SchemaName.of("tenant_b"));

        assertThat(report.results()).singleElement().extracting(SchemaResult::outcome).isEqualTo(Outcome.MIGRATED);
        assertThat(fixture.versions("tenant_b")).containsExactly("1", "2");
        assertThat(fixture.tableExists("tenant_a.flyway_schema_history")).isFalse();
    }

    @Test
    void aTenantWhoseSchemaIsMissingIsReportedNotCreated() {
        fixture.tenant("tenant_a");
        fixture.tenantRow("tenant_gone", "INACTIVE");
        TenantMigrator migrator = fixture.migrator("tenant-v2").build();

        MigrationReport report = migrator.migrateTenants();

        assertThat(report.successful()).isFalse();
        assertThat(report.count(Outcome.MIGRATED)).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(missing -> {
            assertThat(missing.outcome()).isEqualTo(Outcome.SCHEMA_MISSING);
            assertThat(missing.error()).hasMessageStartingWith("Schema tenant_gone: missing.");
        });
        assertThat(report.summary()).contains("1 missing").contains("Schema tenant_gone: missing.");
        assertThat(migrator.migrateSchema(SchemaName.of("tenant_gone")).results())
                .singleElement().extracting(SchemaResult::outcome).isEqualTo(Outcome.SCHEMA_MISSING);
        assertThat(fixture.schemaExists("tenant_gone")).isFalse();
    }

    @Test
    void theProvisioningSeamCreatesAndMigratesASchemaWithoutATenantRow() {
        fixture.tenantRow("tenant_new", "PROVISIONING");
        TenantMigrator migrator = fixture.migrator("tenant-v2").build();

        migrator.migrate(SchemaName.of("tenant_template"));
        migrator.migrate(SchemaName.of("tenant_new"));

        assertThat(fixture.versions("tenant_template")).containsExactly("1", "2");
        assertThat(fixture.versions("tenant_new")).containsExactly("1", "2");
        MigrationReport fleet = migrator.migrateTenants();
        assertThat(fleet.schemas()).as("PROVISIONING tenants are not part of the fleet").isZero();
    }

    @Test
    void theProvisioningSeamThrowsWhenAMigrationFails() {
        SchemaName template = SchemaName.of("tenant_template");
        fixture.migrator("tenant-v3").build().migrate(template);
        fixture.sql("INSERT INTO tenant_template.notes (body) VALUES (NULL)");
        TenantMigrator migrator = fixture.migrator("tenant-failing").build();

        assertThatThrownBy(() -> migrator.migrate(template))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("Schema tenant_template: migration 4 - bodies required failed")
                .hasMessageContaining("SQL state 23502");
        assertThat(fixture.versions("tenant_template")).containsExactly("1", "2", "3");
    }

    @Test
    void listenersHearEachSchemaItsMessagesAndTheProgress() {
        fixture.tenant("tenant_a");
        fixture.tenant("tenant_b");
        List<String> events = new ArrayList<>();
        List<MigrationProgress> progress = new ArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void beforeSchema(MigrationTarget target) {
                events.add("before " + target);
            }

            @Override
            public void message(MigrationTarget target, String message) {
                events.add(target + ": " + message);
            }

            @Override
            public void afterSchema(SchemaResult result) {
                events.add("after " + result.schema() + " " + result.outcome());
            }

            @Override
            public void progress(MigrationProgress step) {
                progress.add(step);
            }
        };

        fixture.migrator("tenant-v2").parallelism(1).order(Comparator.reverseOrder()).listener(listener).build()
                .migrateTenants();

        assertThat(events).startsWith("before tenant_b", "tenant_b: Migrating to 1 - notes")
                .contains("after tenant_b MIGRATED", "before tenant_a", "after tenant_a MIGRATED")
                .anyMatch(event -> event.startsWith("tenant_a: Applied 2 - tags in "));
        assertThat(progress).extracting(MigrationProgress::done).containsExactly(1, 2);
        assertThat(progress.get(1).line()).startsWith("2/2 schemas (100%)").endsWith("0s left, 0 failed");
    }

    @Test
    void aPoolTooSmallForTheRunLockAndAWorkerIsRefused(TestDatabase database) {
        try (FleetFixture tiny = new FleetFixture(database, 1)) {
            TenantMigrator migrator = TenantMigrator.builder(tiny.pool()).build();

            assertThatThrownBy(migrator::migrateShared)
                    .isInstanceOf(TenancyException.class)
                    .hasMessageContaining("allows 1 connection(s); migrating needs at least 2");
        }
    }

    @Test
    void javaMigrationsLearnWhetherTheyRunInTheSharedSchemaOrATenants() {
        fixture.reset();
        TenantMigrator migrator = TenantMigrator.builder(fixture.pool())
                .sharedLocations("classpath:migrations/shared-seeding", "classpath:dev/tenancy/core/migration/sample")
                .tenantLocations("classpath:migrations/tenant-v2", "classpath:dev/tenancy/core/migration/sample")
                .build();

        migrator.migrateAll().throwIfFailed();

        assertThat(fixture.strings("SELECT kind || ' ' || schema_name || ' ' || tenant_context FROM "
                + "public.migration_targets")).containsExactly("SHARED public public");
        assertThat(fixture.strings("SELECT kind || ' ' || schema_name || ' ' || tenant_context FROM "
                + "tenant_seeded.migration_targets")).containsExactly("TENANT tenant_seeded tenant_seeded");
    }
}
