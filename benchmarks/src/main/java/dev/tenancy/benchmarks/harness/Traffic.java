package dev.tenancy.benchmarks.harness;

import java.util.Locale;

/**
 * What a load generator sends: {@code GET <page><id>} (ids 1 to 100) to the hosts of the first {@code tenants}
 * tenants ({@code t0.localhost ...}), each tenant chosen either in turn (uniform: every tenant as often, the worst
 * case for anything that keeps per-tenant state) or at random with Zipf-distributed popularity (tenant {@code k}, from
 * 0, is chosen with a probability proportional to {@code 1 / (k + 1)^s}: a few tenants take most requests, as in real
 * SaaS traffic).
 *
 * @param page the path before the id: {@link #ONE_READ} or {@link #REALISTIC}
 * @param tenants how many tenants the requests go to (at least 1)
 * @param zipfExponent {@code s} of the Zipf distribution, or 0 for uniform traffic
 */
public record Traffic(String page, int tenants, double zipfExponent) {

    /** One entity by id as JSON. */
    public static final String ONE_READ = "/items/";
    /** Five queries in a transaction (a read by id, a join, 20 rows, a count, an insert) as JSON. */
    public static final String REALISTIC = "/page/";
    /** How many item ids the requests cycle through. */
    static final int ITEMS = 100;

    public Traffic {
        if (tenants < 1) {
            throw new IllegalArgumentException("Traffic needs at least one tenant, not " + tenants);
        }
        if (zipfExponent < 0 || Double.isNaN(zipfExponent)) {
            throw new IllegalArgumentException("The Zipf exponent must be 0 (uniform) or positive, not "
                    + zipfExponent);
        }
    }

    /** Whether every tenant gets as many requests. */
    public boolean uniform() {
        return zipfExponent == 0;
    }

    /** The page's name: {@code one-read} or {@code realistic}. */
    public String pageName() {
        return page.equals(REALISTIC) ? "realistic" : "one-read";
    }

    /** E.g. {@code realistic/zipf1.1/1000}: page, distribution and tenants, for the result lines. */
    public String label() {
        return String.format(Locale.ROOT, "%s/%s/%d", pageName(), uniform() ? "uniform"
                : String.format(Locale.ROOT, "zipf%s", trim(zipfExponent)), tenants);
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
