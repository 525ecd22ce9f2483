package dev.tenancy.benchmarks.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The {@code RESULT} lines of the request benchmark for one client count: per variant the median over the rounds and
 * each round's own figure, and every ratio to the baseline (the first variant) taken within a round, as median with
 * its minimum and maximum over the rounds.
 */
final class RequestSummary {

    private RequestSummary() {
    }

    static List<String> lines(int clients, List<Variant> variants, Map<Variant, List<RequestRun>> rounds) {
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
            lines.add(String.format(Locale.ROOT, "RESULT request-overhead clients=%d variant=%s throughput=%.0f"
                    + " ratio=%.3f ratio_range=%s cpu_us_per_request=%.0f (server %.0f + postgres %.0f)"
                    + " cpu_ratio=%.3f cpu_ratio_range=%s alloc_bytes_per_request=%.0f alloc_range=%s"
                    + " p50_ms=%.2f p99_ms=%.2f rounds_req_s=%s rounds_cpu_us=%s  [%s]", clients, variant.key,
                    median(figures(runs, RequestRun::throughput)), median(ratios), range(ratios, "%.3f"),
                    median(figures(runs, RequestRun::cpuMicros)), median(figures(runs, RequestRun::serverMicros)),
                    median(figures(runs, RequestRun::postgresMicros)), median(cpuRatios), range(cpuRatios, "%.3f"),
                    median(allocated), range(allocated, "%.0f"), median(figures(runs, run -> run.load().p50Millis())),
                    median(figures(runs, run -> run.load().p99Millis())),
                    each(figures(runs, RequestRun::throughput)), each(figures(runs, RequestRun::cpuMicros)),
                    variant.label));
        }
        return lines;
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
