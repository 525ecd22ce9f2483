package dev.tenancy.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.migration.MigrationReport.SchemaResult.Outcome;
import dev.tenancy.core.migration.MigrationReport.SchemaResult;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class ValidationTest {

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
    void twoTenantsAtVersionTwo() {
        fixture.reset();
        fixture.migrator("tenant-v2").build().migrateShared().throwIfFailed();
        fixture.tenant("tenant_a");
        fixture.tenant("tenant_b");
        fixture.migrator("tenant-v2").build().migrateTenants().throwIfFailed();
    }

    @Test
    void anUntouchedFleetIsValidAndPendingMigrationsAreNotProblems() {
        assertThat(fixture.migrator("tenant-v2").build().validate().isValid()).isTrue();

        ValidationReport ahead = fixture.migrator("tenant-v3").build().validate();

        assertThat(ahead.isValid()).isTrue();
        assertThat(ahead.schemas()).isEqualTo(3);
    }

    @Test
    void anEditedMigrationIsReportedWithItsSchemaAndVersion() {
        TenantMigrator edited = fixture.migrator("tenant-edited").build();

        ValidationReport report = edited.validate();

        assertThat(report.isValid()).isFalse();
        assertThat(report.problems()).extracting(ValidationReport.Problem::schema)
                .containsExactly("tenant_a", "tenant_b");
        assertThat(report.problems()).allSatisfy(problem -> {
            assertThat(problem.version()).isEqualTo("2");
            assertThat(problem.message()).startsWith("Schema " + problem.schema() + ", migration 2 - tags: ")
                    .contains("checksum mismatch");
        });
        assertThatThrownBy(report::throwIfInvalid).hasMessageContaining("Schema tenant_b, migration 2 - tags");
    }

    @Test
    void migratingWithAnEditedMigrationFailsEachSchemaNamingTheVersion() {
        MigrationReport report = fixture.migrator("tenant-edited").build().migrateTenants();

        assertThat(report.skipped()).as("a changed migration set is never skipped").isZero();
        assertThat(report.failures()).hasSize(2).allSatisfy(failure -> {
            assertThat(failure.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(failure.error()).hasMessageStartingWith("Schema " + failure.schema() + ": ")
                    .hasMessageContaining("checksum mismatch for migration version 2");
        });
    }

    @Test
    void validationReadsTheRealHistoryTablesAndMakesTheNextRunCheckTheSchemasWithProblems() {
        TenantMigrator migrator = fixture.migrator("tenant-v2").build();
        fixture.sql("UPDATE tenant_a.flyway_schema_history SET checksum = 42 WHERE version = '2'");
        assertThat(migrator.migrateTenants().skipped()).as("the ledger cannot see edits behind Flyway's back")
                .isEqualTo(2);

        ValidationReport report = migrator.validate();

        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.schema()).isEqualTo("tenant_a");
            assertThat(problem.version()).isEqualTo("2");
        });
        MigrationReport next = migrator.migrateTenants();
        assertThat(next.skipped()).isEqualTo(1);
        assertThat(next.failures()).singleElement().extracting(SchemaResult::schema).isEqualTo("tenant_a");
    }

    @Test
    void schemasMigratedByPlainFlywayAreRecognisedAsUpToDate() {
        fixture.tenant("tenant_c");
        Flyway.configure().dataSource(fixture.pool()).schemas("tenant_c").defaultSchema("tenant_c")
                .locations("classpath:migrations/tenant-v2").load().migrate();

        TenantMigrator migrator = fixture.migrator("tenant-v2").build();

        assertThat(migrator.validate().isValid()).isTrue();
        assertThat(migrator.migrateTenants().results()).singleElement().satisfies(result -> {
            assertThat(result.schema()).isEqualTo("tenant_c");
            assertThat(result.outcome()).isEqualTo(Outcome.UP_TO_DATE);
        });
    }

    @Test
    void aJavaMigrationRunByPlainFlywayCannotLearnItsTarget() {
        fixture.sql("CREATE SCHEMA loose");
        Flyway plain = Flyway.configure().dataSource(fixture.pool()).schemas("loose").defaultSchema("loose")
                .locations("classpath:dev/tenancy/core/migration/sample").load();

        assertThatThrownBy(plain::migrate).rootCause().isInstanceOf(TenancyException.class)
                .hasMessageContaining("was not started by Tenancy's TenantMigrator");
    }
}
