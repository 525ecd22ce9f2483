package dev.tenancy.benchmarks.http;

import dev.tenancy.benchmarks.harness.Options;
import dev.tenancy.benchmarks.harness.Traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the request benchmark's arguments ask for: the variants and the traffic to measure them under. */
final class RequestPlan {

    private RequestPlan() {
    }

    /** {@code --variants} (the first is the baseline), then the variants {@code --define-variant} adds. */
    static List<Variant> variants(Options options) {
        Map<String, Variant> defined = Variant.define(options.string("define-variant"));
        List<String> keys = new ArrayList<>(options.list("variants"));
        defined.keySet().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
        List<String> extra = options.string("server-settings") == null ? List.of()
                : options.list("server-settings");
        return keys.stream().map(key -> Variant.of(key, defined).with(extra)).toList();
    }

    /** Every combination of {@code --page}, {@code --distribution} and {@code --load-tenants}, in that nesting. */
    static List<Traffic> traffics(Options options, int tenants) {
        int[] loadTenants = options.string("load-tenants") == null ? new int[] {tenants}
                : options.integers("load-tenants");
        List<Traffic> traffics = new ArrayList<>();
        for (String page : options.list("page")) {
            for (String distribution : options.list("distribution")) {
                for (int spread : loadTenants) {
                    if (spread > tenants) {
                        throw new IllegalArgumentException("--load-tenants=" + spread + " is more than --tenants="
                                + tenants);
                    }
                    traffics.add(new Traffic(page(page), spread, exponent(options, distribution)));
                }
            }
        }
        return traffics;
    }

    /** A {@code true}/{@code false} argument. */
    static boolean flag(Options options, String name) {
        String value = options.string(name);
        if (!"true".equals(value) && !"false".equals(value)) {
            throw new IllegalArgumentException("--" + name + "=" + value + ": use true or false.");
        }
        return Boolean.parseBoolean(value);
    }

    private static String page(String name) {
        return switch (name) {
            case "one-read" -> Traffic.ONE_READ;
            case "realistic" -> Traffic.REALISTIC;
            default -> throw new IllegalArgumentException("--page=" + name + ": use one-read (GET /items/{id}) or"
                    + " realistic (GET /page/{id}, five queries), or both separated by a comma.");
        };
    }

    private static double exponent(Options options, String distribution) {
        return switch (distribution) {
            case "uniform" -> 0;
            case "zipf" -> {
                double s = Double.parseDouble(options.string("zipf-s"));
                if (!(s > 0)) {
                    throw new IllegalArgumentException("--zipf-s=" + s + ": the exponent must be positive (e.g. 1.1).");
                }
                yield s;
            }
            default -> throw new IllegalArgumentException("--distribution=" + distribution + ": use uniform or zipf,"
                    + " or both separated by a comma.");
        };
    }
}
