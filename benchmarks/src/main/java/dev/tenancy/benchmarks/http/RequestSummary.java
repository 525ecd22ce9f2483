package dev.tenancy.benchmarks.http;

import dev.tenancy.benchmarks.harness.BackendMemory;
import dev.tenancy.benchmarks.harness.Traffic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The {@code RESULT} lines of the request benchmark for one traffic and client count: per variant the median over the
 * rounds and each round's own figure, every ratio to the baseline (the first variant) taken within a round, as median
 * with its minimum and maximum over the rounds, and the memory of the variant's PostgreSQL backends after its runs.
 *
 * @param scenario the scenario's name ({@code --scenario}, or the traffic's label)
 * @param postgres the PostgreSQL server's version
 */
record RequestSummary(String scenario, String postgres) {

    List<String> lines(Traffic traffic, int clients, List<Variant> variants, Map<Variant, List<RequestRun>> rounds) {
        List<RequestRun> baseline = rounds.get(variants.get(0));
        List<String> lines = new ArrayList<>();
        for (Variant variant : variants) {
            List<RequestRun> runs = rounds.get(variant);
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (int round = 0; round < runs.size(); round++) {
                ratios.add(runs.get(round).throughput() / baseline.get(round).throughput());
                cpuRatios.add(baseline.get(round).cpuMicros() / runs.get(round).cpuMicros());
            }
            List<Double> allocated = figures(runs, RequestRun::allocatedBytesPerRequest);
            lines.add(String.format(Locale.ROOT, "RESULT request-overhead scenario=%s traffic=%s clients=%d"
                    + " variant=%s postgres=%s throughput=%.0f ratio=%.3f ratio_range=%s cpu_us_per_request=%.0f"
                    + " (server %.0f + postgres %.0f) cpu_ratio=%.3f cpu_ratio_range=%s alloc_bytes_per_request=%.0f"
                    + " alloc_range=%s p50_ms=%.2f p99_ms=%.2f %s rounds_req_s=%s rounds_cpu_us=%s  [%s]", scenario,
                    traffic.label(), clients, variant.key(), postgres, median(figures(runs, RequestRun::throughput)),
                    median(ratios), range(ratios, "%.3f"), median(figures(runs, RequestRun::cpuMicros)),
                    median(figures(runs, RequestRun::serverMicros)), median(figures(runs, RequestRun::postgresMicros)),
                    median(cpuRatios), range(cpuRatios, "%.3f"), median(allocated), range(allocated, "%.0f"),
                    median(figures(runs, run -> run.load().p50Millis())),
                    median(figures(runs, run -> run.load().p99Millis())), memory(runs),
                    each(figures(runs, RequestRun::throughput)), each(figures(runs, RequestRun::cpuMicros)),
                    variant.label()));
        }
        return lines;
    }

    /**
     * The backends' memory after the variant's last run: {@code backends}, their summed Pss, Pss per backend, and
     * anonymous Pss per backend; {@code backend_pss=not-measured} where {@code /proc} could not be read.
     */
    private static String memory(List<RequestRun> runs) {
        BackendMemory last = runs.get(runs.size() - 1).backendsAfter();
        if (!last.measured()) {
            return "backend_pss=not-measured";
        }
        return String.format(Locale.ROOT, "backends=%d backend_pss_mb=%.1f backend_pss_mb_per_backend=%.2f"
                + " backend_anon_mb_per_backend=%.2f", last.backends(), last.pssMegabytes(),
                last.pssMegabytesPerBackend(), last.anonMegabytesPerBackend());
    }

    private static List<Double> figures(List<RequestRun> runs, ToDoubleFunction<RequestRun> figure) {
        return runs.stream().map(figure::applyAsDouble).toList();
    }

    private static String range(List<Double> values, String format) {
        return String.format(Locale.ROOT, format + "-" + format, Collections.min(values), Collections.max(values));
    }

    /** The rounds' figures in order, rounded, separated by slashes. */
    private static String each(List<Double> values) {
        return values.stream().map(value -> String.format(Locale.ROOT, "%.0f", value))
                .collect(Collectors.joining("/"));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
