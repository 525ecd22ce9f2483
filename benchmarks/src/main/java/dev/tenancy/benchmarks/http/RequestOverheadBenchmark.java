package dev.tenancy.benchmarks.http;

import dev.tenancy.benchmarks.harness.BackendMemory;
import dev.tenancy.benchmarks.harness.BenchmarkDatabase;
import dev.tenancy.benchmarks.harness.CpuMeter;
import dev.tenancy.benchmarks.harness.Http;
import dev.tenancy.benchmarks.harness.JvmCounters;
import dev.tenancy.benchmarks.harness.LoadGenerator;
import dev.tenancy.benchmarks.harness.LoadResult;
import dev.tenancy.benchmarks.harness.Machine;
import dev.tenancy.benchmarks.harness.Options;
import dev.tenancy.benchmarks.harness.ServerProcess;
import dev.tenancy.benchmarks.harness.Traffic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request overhead (issues 8 and 18): the benchmark application's pages on tenant hosts, for each variant (Tenancy in
 * its modes, peers, the naive way) against the same application with Tenancy off (the first variant, the baseline)
 * in the same run. Pages: {@code one-read} ({@code GET /items/{id}}, one entity by id through Spring Data JPA, as JSON)
 * and {@code realistic} ({@code GET /page/{id}}: five queries in a transaction, see the application's {@code Pages}).
 * Traffic: uniform over the tenants (every tenant in turn, the worst case) or Zipf-distributed popularity.
 *
 * <p>Every variant runs in its own JVM, all on the same database; only the one being measured runs, the others are
 * paused ({@code SIGSTOP}, keeping their compiled code) unless {@code --pause-idle=false}; the rounds alternate
 * between them so that the machine's load falls on all alike, and each ratio is taken within a round. Beside
 * throughput and latency, each run reports the CPU time per request of the server JVM and of PostgreSQL (see
 * {@link CpuMeter}), the bytes the server's threads allocated per request ({@link JvmCounters}), and the memory of
 * the server's PostgreSQL backends before and after ({@link BackendMemory}); {@link RequestSummary} prints each
 * figure's spread over the rounds.
 *
 * <p>Arguments (all optional): {@code --tenants=100 --clients=16,64 --duration=20 --warmup=15 --warmup-max=300
 * --warmup-clients=8 --rounds=3 --variants=untenanted,untenanted+set,tenancy,tenancy-unlabelled,naive (also:
 * tenancy-roles, tenancy-affine, tenancy-pooler, hibernate-schema-mapper, apartment)
 * --define-variant=name:base:--a=b,... --server-settings=--a=b,... --page=one-read|realistic (a list)
 * --distribution=uniform|zipf (a list) --zipf-s=1.1 --load-tenants=N,... --scenario=NAME --backend-memory=true
 * --load=auto|wrk|java --server-cpus= --load-cpus= --heap=512m --jfr=DIR --jfr-settings=profile|FILE.jfc
 * --pause-idle=true}. Each combination of page, distribution and load-tenants is measured in turn with the same
 * servers; {@code load-tenants} (default: all) spreads the requests over the first N tenants only.
 */
public final class RequestOverheadBenchmark {

    /** One window of the warm-up. */
    private static final Duration WARM_UP_WINDOW = Duration.ofSeconds(5);

    private final Options options;
    private final List<Variant> variants;
    private final List<Traffic> traffics;
    private final LoadGenerator load;
    private final int tenants;
    private final boolean pauseIdle;
    private final boolean backendMemory;
    private BenchmarkDatabase database;
    private CpuMeter cpu;

    private RequestOverheadBenchmark(Options options) {
        this.options = options;
        this.load = LoadGenerator.choose(options.string("load"), options.string("load-cpus"));
        this.tenants = options.integer("tenants");
        this.pauseIdle = RequestPlan.flag(options, "pause-idle");
        this.backendMemory = RequestPlan.flag(options, "backend-memory");
        this.variants = RequestPlan.variants(options);
        this.traffics = RequestPlan.traffics(options, tenants);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("tenants", "100");
        defaults.put("clients", "16,64");
        defaults.put("duration", "20");
        defaults.put("warmup", "15");
        defaults.put("warmup-max", "300");
        defaults.put("warmup-clients", "8");
        defaults.put("rounds", "3");
        defaults.put("variants", "untenanted,untenanted+set,tenancy,tenancy-unlabelled,naive");
        defaults.put("define-variant", "");
        defaults.put("server-settings", "");
        defaults.put("page", "one-read");
        defaults.put("distribution", "uniform");
        defaults.put("zipf-s", "1.1");
        defaults.put("load-tenants", "");
        defaults.put("scenario", "");
        defaults.put("backend-memory", "true");
        defaults.put("load", "auto");
        defaults.put("server-cpus", "");
        defaults.put("load-cpus", "");
        defaults.put("heap", "512m");
        defaults.put("jfr", "");
        defaults.put("jfr-settings", "profile");
        defaults.put("pause-idle", "true");
        new RequestOverheadBenchmark(Options.parse(args, defaults)).run();
    }

    private void run() throws Exception {
        System.out.println("Request overhead: " + options);
        System.out.println("Machine: " + Machine.describe() + "; load: " + load.describe());
        long seeding = System.nanoTime();
        try (BenchmarkDatabase created = BenchmarkDatabase.create("request_overhead", tenants)) {
            database = created;
            String version = database.postgresVersion().replace(' ', '_');
            System.out.printf(Locale.ROOT, "PostgreSQL %s, %d tenants (set up in %.0f s); traffic: %s%n", version,
                    tenants, (System.nanoTime() - seeding) / 1e9, traffics.stream().map(Traffic::label).toList());
            cpu = database.cpuMeter();
            if (!cpu.available()) {
                System.out.println("CPU per request: PostgreSQL's is not measured (it does not run on this machine,"
                        + " or /proc cannot be read) and counts as 0.");
            }
            Map<Variant, ServerProcess> servers = new LinkedHashMap<>();
            BenchmarkRoles roles = new BenchmarkRoles(database, tenants);
            boolean withRoles = variants.stream().anyMatch(Variant::tenantRoles);
            try {
                if (withRoles) {
                    roles.make();
                }
                for (Variant variant : variants) {
                    List<String> settings = new ArrayList<>(variant.settings());
                    settings.add("--spring.datasource.hikari.data-source-properties.ApplicationName="
                            + applicationName(variant));
                    // one after the other: nine JVMs starting at once on a loaded 2-core machine outlast the timeout
                    servers.put(variant, ServerProcess.start(variant.key(), database, options.string("server-cpus"),
                            jvmOptions(variant), settings));
                    servers.get(variant).awaitReady();
                }
                checkAnswers(servers);
                measure(servers, new RequestSummary(options.string("scenario") == null ? "request"
                        : options.string("scenario"), version));
            } finally {
                servers.values().forEach(ServerProcess::close);
                if (withRoles) {
                    roles.drop();
                }
            }
        }
    }

    /** What the variant's connections tell PostgreSQL, so that its backends can be found. */
    private static String applicationName(Variant variant) {
        return "bench-" + variant.key();
    }

    private List<String> jvmOptions(Variant variant) throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Xms" + options.string("heap"), "-Xmx" + options.string("heap")));
        String jfr = options.string("jfr");
        if (jfr != null) {
            Path directory = Files.createDirectories(Path.of(jfr));
            jvm.add("-XX:StartFlightRecording=settings=" + options.string("jfr-settings") + ",dumponexit=true,filename="
                    + directory.resolve(variant.key() + ".jfr").toAbsolutePath());
        }
        return jvm;
    }

    /**
     * Every variant answers the same JSON for the same item on every page, and writes the realistic page's view into
     * the schema it should: the tenant's, or {@code public} for the baselines.
     */
    private void checkAnswers(Map<Variant, ServerProcess> servers) throws Exception {
        Http http = new Http();
        int last = traffics.stream().mapToInt(Traffic::tenants).max().orElseThrow() - 1;
        String tenantViews = BenchmarkDatabase.schema(last) + ".page_views";
        for (Map.Entry<Variant, ServerProcess> server : servers.entrySet()) {
            long[] before = {database.rows(tenantViews), database.rows("public.page_views")};
            for (String page : List.of(Traffic.ONE_READ, Traffic.REALISTIC)) {
                String body = http.get(server.getValue().port(), BenchmarkDatabase.host(last), page + "42");
                if (!body.contains("\"name\":\"Item 42\"")
                        || page.equals(Traffic.REALISTIC) && !body.contains("\"orderCount\":40")) {
                    throw new IllegalStateException(server.getKey().key() + " answered " + page + "42 with " + body);
                }
            }
            long[] written = {database.rows(tenantViews) - before[0], database.rows("public.page_views") - before[1]};
            boolean tenanted = server.getKey().tenanted();
            if (written[0] != (tenanted ? 1 : 0) || written[1] != (tenanted ? 0 : 1)) {
                throw new IllegalStateException(server.getKey().key() + " wrote " + written[0] + " page view(s) in "
                        + tenantViews + " and " + written[1] + " in public.page_views for one page of "
                        + BenchmarkDatabase.host(last) + "; expected it in " + (tenanted ? tenantViews : "public"));
            }
        }
    }

    private void measure(Map<Variant, ServerProcess> servers, RequestSummary summary) throws Exception {
        int[] clientCounts = options.integers("clients");
        warmUp(servers, Arrays.stream(clientCounts).max().orElseThrow());
        Http http = new Http();
        servers.values().forEach(ServerProcess::resume);
        Map<Variant, Long> lookupsBefore = new LinkedHashMap<>();
        servers.forEach((variant, server) -> lookupsBefore.put(variant, lookups(http, server)));
        Map<Variant, Long> requests = new LinkedHashMap<>();
        List<String> results = new ArrayList<>();
        for (Traffic traffic : traffics) {
            for (int clients : clientCounts) {
                Map<Variant, List<RequestRun>> rounds = new LinkedHashMap<>();
                for (int round = 0; round < options.integer("rounds"); round++) {
                    for (int i = 0; i < variants.size(); i++) {
                        Variant variant = variants.get((i + round) % variants.size());
                        runAlone(servers, variant);
                        RequestRun run = run(variant, servers.get(variant), clients, traffic);
                        rounds.computeIfAbsent(variant, key -> new ArrayList<>()).add(run);
                        requests.merge(variant, run.load().requests(), Long::sum);
                        print(traffic, clients, round, variant, run);
                    }
                }
                results.addAll(summary.lines(traffic, clients, variants, rounds));
            }
        }
        servers.values().forEach(ServerProcess::resume);
        System.out.println();
        servers.forEach((variant, server) -> System.out.printf(Locale.ROOT, "%-24s host lookups that reached the "
                + "database while measuring: %d for %d requests%n", variant.key(),
                lookups(http, server) - lookupsBefore.get(variant), requests.getOrDefault(variant, 0L)));
        System.out.println();
        System.out.println("Machine after the run: load average " + Machine.loadAverage());
        results.forEach(System.out::println);
    }

    /**
     * Each server alone, on each page (the last traffic of that page), until its JIT compilers have compiled what the
     * load runs: windows of {@link #WARM_UP_WINDOW} (or {@code --warmup-max}, if shorter) with {@code --warmup-clients}
     * clients (few, so that on a 2-core machine the compiler threads are not starved by the request threads: under 64
     * clients one C2 compilation took over a minute and the servers were still compiling after two), until two windows
     * running spent under 5 % of their time compiling (or, where the JVM does not report it, served within 3 % of the
     * window before), at least {@code --warmup} and at most {@code --warmup-max} seconds; then one window with the most
     * clients.
     */
    private void warmUp(Map<Variant, ServerProcess> servers, int clients) throws Exception {
        Duration least = options.seconds("warmup");
        if (least.isZero()) {
            return;
        }
        Duration most = options.seconds("warmup-max");
        Map<String, Traffic> byPage = new LinkedHashMap<>();
        traffics.forEach(traffic -> byPage.put(traffic.page(), traffic));
        for (Map.Entry<Variant, ServerProcess> server : servers.entrySet()) {
            runAlone(servers, server.getKey());
            for (Traffic traffic : byPage.values()) {
                System.out.printf(Locale.ROOT, "warm-up %-24s %-26s %s%n", server.getKey().key(), traffic.label(),
                        warmUntilQuiet(server.getValue().port(), traffic, least, most, clients));
            }
        }
    }

    /** One server's warm-up on one traffic (see {@link #warmUp}); answers what it saw, for the log. */
    private String warmUntilQuiet(int port, Traffic traffic, Duration least, Duration most, int clients)
            throws Exception {
        Duration window = most.compareTo(WARM_UP_WINDOW) < 0 ? most : WARM_UP_WINDOW;
        int fewClients = options.integer("warmup-clients");
        Http http = new Http();
        long start = System.nanoTime();
        int quietWindows = 0;
        double previous = 0;
        List<String> windows = new ArrayList<>();
        Duration elapsed;
        do {
            JvmCounters before = JvmCounters.read(http, port);
            LoadResult result = load.run(port, fewClients, window, traffic);
            long compiling = JvmCounters.read(http, port).compileMillisSince(before);
            boolean quiet = compiling >= 0 ? compiling < window.toMillis() / 20
                    : Math.abs(result.throughput() - previous) < 0.03 * previous;
            quietWindows = quiet ? quietWindows + 1 : 0;
            previous = result.throughput();
            windows.add(String.format(Locale.ROOT, "%.0f/%d", result.throughput(), compiling));
            elapsed = Duration.ofNanos(System.nanoTime() - start);
        } while (elapsed.compareTo(most) < 0 && (elapsed.compareTo(least) < 0 || quietWindows < 2));
        LoadResult full = load.run(port, clients, window, traffic);
        return String.format(Locale.ROOT, "%3d s with %d clients (%s), windows' req/s / JIT ms: %s; then %.0f req/s"
                + " with %d clients", elapsed.toSeconds(), fewClients, quietWindows >= 2 ? "JIT quiet"
                : "JIT still compiling", String.join(" ", windows), full.throughput(), clients);
    }

    private static void print(Traffic traffic, int clients, int round, Variant variant, RequestRun run) {
        System.out.printf(Locale.ROOT, "%tT %s clients %2d round %d %-24s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms"
                + "  CPU/request: server %4.0f us, postgres %4.0f us, load %3.0f us  allocated %6.0f B/request"
                + "  backends before: %s, after: %s  (load %s)%n", LocalTime.now(), traffic.label(), clients, round + 1,
                variant.key(), run.throughput(), run.load().p50Millis(), run.load().p99Millis(), run.serverMicros(),
                run.postgresMicros(), run.loadMicros(), run.allocatedBytesPerRequest(),
                run.backendsBefore().describe(), run.backendsAfter().describe(), Machine.loadNow());
    }

    /**
     * With {@code --pause-idle} (the default), pauses every other variant's JVM and resumes {@code variant}'s, so that
     * idle servers (their GC, JIT and pool threads) take no CPU from the one measured; then waits until it answers.
     */
    private void runAlone(Map<Variant, ServerProcess> servers, Variant variant) {
        if (!pauseIdle) {
            return;
        }
        servers.forEach((other, server) -> {
            if (!other.equals(variant)) {
                server.pause();
            }
        });
        ServerProcess measured = servers.get(variant);
        measured.resume();
        new Http().get(measured.port(), BenchmarkDatabase.host(0), "/items/42");
    }

    private RequestRun run(Variant variant, ServerProcess server, int clients, Traffic traffic) throws Exception {
        Http http = new Http();
        BackendMemory memoryBefore = backends(variant);
        JvmCounters jvmBefore = JvmCounters.read(http, server.port());
        CpuMeter.Sample before = cpu.sample(server.pid());
        LoadResult result = load.run(server.port(), clients, options.seconds("duration"), traffic);
        CpuMeter.Sample used = cpu.sample(server.pid()).minus(before);
        JvmCounters jvmAfter = JvmCounters.read(http, server.port());
        BackendMemory memoryAfter = backends(variant);
        if (result.errors() > 0) {
            throw new IllegalStateException(server.name() + ": " + result.errors() + " requests failed");
        }
        return new RequestRun(result, jvmAfter.cpuSecondsSince(jvmBefore), used,
                jvmAfter.allocatedBytesSince(jvmBefore), memoryBefore, memoryAfter);
    }

    private BackendMemory backends(Variant variant) throws Exception {
        return backendMemory ? BackendMemory.read(database.backendPids(applicationName(variant)))
                : BackendMemory.NONE;
    }

    private static long lookups(Http http, ServerProcess server) {
        return Long.parseLong(http.get(server.port(), "localhost", "/harness/directory-lookups").trim());
    }
}
