package dev.tenancy.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.migration.MigrationListener.MigrationProgress;

import org.junit.jupiter.api.Test;

import java.time.Duration;

class MigrationProgressTest {

    @Test
    void estimatesTheTimeLeftFromTheRateSoFar() {
        MigrationProgress progress = new MigrationProgress(2500, 10_000, 1, Duration.ofSeconds(10));

        assertThat(progress.ratePerSecond()).isEqualTo(250.0);
        assertThat(progress.remaining()).contains(Duration.ofSeconds(30));
        assertThat(progress.line()).isEqualTo("2500/10000 schemas (25%), 250.0/s, 30s left, 1 failed");
    }

    @Test
    void longWaitsAreShownInMinutesAndHours() {
        assertThat(new MigrationProgress(1, 100, 0, Duration.ofSeconds(2)).line()).contains("3m18s left");
        assertThat(new MigrationProgress(1, 10_000, 0, Duration.ofSeconds(2)).line()).contains("5h33m left");
    }

    @Test
    void knowsNothingAboutTheTimeLeftBeforeTheFirstSchema() {
        MigrationProgress start = new MigrationProgress(0, 10, 0, Duration.ZERO);

        assertThat(start.remaining()).isEmpty();
        assertThat(start.line()).isEqualTo("0/10 schemas (0%), 0.0/s, 0 failed");
    }
}
