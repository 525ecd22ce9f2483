package dev.tenancy.benchmarks.scale;

import dev.tenancy.benchmarks.harness.BenchmarkDatabase;
import dev.tenancy.benchmarks.harness.Http;
import dev.tenancy.benchmarks.harness.Machine;
import dev.tenancy.benchmarks.harness.Options;
import dev.tenancy.benchmarks.harness.ServerProcess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scale (issue 8, item 4): the benchmark application with few and with many tenants. For each fleet size: start-up
 * time (median of several starts), heap after start-up and after one request to every tenant, and the memory of the
 * PostgreSQL backends behind the pool after those requests (each backend keeps the catalogue of every schema it
 * touched), then again once the pool has replaced its connections, as HikariCP's {@code maxLifetime} does. Baseline:
 * the same application with Tenancy off, sent the same requests.
 *
 * <p>Arguments (all optional): {@code --tenants=10,10000 --starts=3 --heap=512m
 * --variants=untenanted,tenancy,tenancy-all} ({@code tenancy-all}: Tenancy with {@code on-startup=all}, which checks
 * every tenant schema's migrations while starting).
 */
public final class ScaleBenchmark {

    private static final Pattern BACKEND = Pattern.compile("\"totalBytes\":(\\d+),\"cacheBytes\":(\\d+)");

    /** The variants: name and settings. */
    private static final Map<String, List<String>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("untenanted", List.of("--tenancy.enabled=false"));
        VARIANTS.put("tenancy", List.of());
        VARIANTS.put("tenancy-all", List.of("--tenancy.migrations.on-startup=all"));
    }

    private final Options options;
    private final Http http = new Http();

    private ScaleBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("tenants", "10,10000");
        defaults.put("starts", "3");
        defaults.put("heap", "512m");
        defaults.put("variants", String.join(",", VARIANTS.keySet()));
        new ScaleBenchmark(Options.parse(args, defaults)).run();
    }

    private void run() throws Exception {
        System.out.println("Scale: " + options);
        System.out.println("Machine: " + Machine.describe());
        List<String> results = new ArrayList<>();
        for (int tenants : options.integers("tenants")) {
            long seeding = System.nanoTime();
            try (BenchmarkDatabase database = BenchmarkDatabase.create("scale", tenants)) {
                System.out.printf(Locale.ROOT, "%d tenants on PostgreSQL %s (set up in %.0f s)%n", tenants,
                        database.postgresVersion(), (System.nanoTime() - seeding) / 1e9);
                for (String variant : options.list("variants")) {
                    if (!VARIANTS.containsKey(variant)) {
                        throw new IllegalArgumentException("Unknown variant '" + variant + "'; known: "
                                + VARIANTS.keySet());
                    }
                    results.add(measure(database, tenants, variant, VARIANTS.get(variant)));
                }
            }
        }
        System.out.println();
        System.out.println("Machine after the run: load average " + Machine.loadAverage());
        results.forEach(System.out::println);
    }

    private String measure(BenchmarkDatabase database, int tenants, String variant, List<String> settings)
            throws Exception {
        List<String> jvm = List.of("-Xms" + options.string("heap"), "-Xmx" + options.string("heap"));
        List<Long> startups = new ArrayList<>();
        for (int start = 1; start < options.integer("starts"); start++) {
            try (ServerProcess server = ServerProcess.start(variant, database, null, jvm, settings).awaitReady()) {
                startups.add(server.jvmUptimeMillis());
            }
        }
        try (ServerProcess server = ServerProcess.start(variant, database, null, jvm, settings).awaitReady()) {
            startups.add(server.jvmUptimeMillis());
            double heapAfterStart = heapMegabytes(server);
            long requestsStart = System.nanoTime();
            for (int tenant = 0; tenant < tenants; tenant++) {
                http.get(server.port(), BenchmarkDatabase.host(tenant), "/items/1");
            }
            double requestSeconds = (System.nanoTime() - requestsStart) / 1e9;
            double heapAfterRequests = heapMegabytes(server);
            double[] served = backendMegabytes(server);
            http.send("POST", server.port(), "localhost", "/harness/recycle-connections");
            double[] recycled = backendMegabytes(server);
            String line = String.format(Locale.ROOT, "RESULT scale tenants=%d variant=%s startup_ms=%d (starts %s)"
                    + " heap_after_start_mb=%.1f heap_after_requests_mb=%.1f backend_max_mb=%.1f"
                    + " backend_cache_max_mb=%.1f backend_after_recycle_mb=%.1f", tenants, variant,
                    startups.stream().sorted().toList().get(startups.size() / 2), startups, heapAfterStart,
                    heapAfterRequests, served[0], served[1], recycled[0]);
            System.out.printf(Locale.ROOT, "%s  [%d requests, one per tenant, in %.1f s; load %s]%n", line, tenants,
                    requestSeconds, Machine.loadNow());
            return line;
        }
    }

    private double heapMegabytes(ServerProcess server) {
        return Long.parseLong(http.get(server.port(), "localhost", "/harness/heap").trim()) / 1048576.0;
    }

    /** The largest backend's total memory and catalogue-cache memory, in MB. */
    private double[] backendMegabytes(ServerProcess server) {
        Matcher backend = BACKEND.matcher(http.get(server.port(), "localhost", "/harness/backend-memory"));
        double[] largest = new double[2];
        while (backend.find()) {
            largest[0] = Math.max(largest[0], Long.parseLong(backend.group(1)) / 1048576.0);
            largest[1] = Math.max(largest[1], Long.parseLong(backend.group(2)) / 1048576.0);
        }
        return largest;
    }
}
