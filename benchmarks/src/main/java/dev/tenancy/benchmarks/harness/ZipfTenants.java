package dev.tenancy.benchmarks.harness;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws tenants (0 to n-1) with Zipf-distributed popularity: tenant {@code k} with a probability proportional to
 * {@code 1 / (k + 1)^s}, by binary search in the cumulative distribution. Not thread-safe: one per client thread.
 */
final class ZipfTenants {

    private final double[] cumulative;
    private final SplittableRandom random;

    ZipfTenants(int tenants, double exponent, long seed) {
        cumulative = new double[tenants];
        double sum = 0;
        for (int k = 0; k < tenants; k++) {
            sum += 1 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < tenants; k++) {
            cumulative[k] /= sum;
        }
        random = new SplittableRandom(seed);
    }

    /** The next tenant. */
    int next() {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        int index = found >= 0 ? found : -found - 1;
        return Math.min(index, cumulative.length - 1);
    }
}
