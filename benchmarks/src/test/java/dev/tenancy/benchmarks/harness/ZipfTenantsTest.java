package dev.tenancy.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZipfTenantsTest {

    @Test
    void drawsTenantsWithZipfPopularityOverTheWholeFleet() {
        ZipfTenants zipf = new ZipfTenants(1000, 1.1, 7);
        int[] drawn = new int[1000];
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            drawn[zipf.next()]++;
        }

        int firstTen = 0;
        for (int k = 0; k < 10; k++) {
            firstTen += drawn[k];
        }
        assertThat(drawn[0] / (double) draws).isCloseTo(0.179, within(0.01));
        assertThat(firstTen / (double) draws).isCloseTo(0.481, within(0.01));
        assertThat(drawn[0] / (double) drawn[1]).isCloseTo(Math.pow(2, 1.1), within(0.15));
        assertThat(drawn[999]).isPositive();
    }

    @Test
    void everyDrawIsATenantOfTheFleet() {
        ZipfTenants zipf = new ZipfTenants(3, 0.5, 1);
        for (int i = 0; i < 10_000; i++) {
            assertThat(zipf.next()).isBetween(0, 2);
        }
    }
}
