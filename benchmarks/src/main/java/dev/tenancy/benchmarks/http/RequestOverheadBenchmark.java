package dev.tenancy.benchmarks.http;

import dev.tenancy.benchmarks.harness.BenchmarkDatabase;
import dev.tenancy.benchmarks.harness.CpuMeter;
import dev.tenancy.benchmarks.harness.Http;
import dev.tenancy.benchmarks.harness.JvmCounters;
import dev.tenancy.benchmarks.harness.LoadGenerator;
import dev.tenancy.benchmarks.harness.LoadResult;
import dev.tenancy.benchmarks.harness.Machine;
import dev.tenancy.benchmarks.harness.Options;
import dev.tenancy.benchmarks.harness.ServerProcess;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.roles.TenantRoles;

import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request overhead (issue 8, item 1): {@code GET /items/{id}} (one entity by id through Spring Data JPA, as JSON)
 * on the benchmark application with Tenancy on, requests spread over the tenants' hosts, against the same application
 * with Tenancy off reading the same table in {@code public}; plus the naive way (a domain query on every request) and
 * the baseline with only a {@code SET search_path} per checkout added. Every variant runs in its own JVM, all at once
 * on the same database; only the one being measured runs, the others are paused ({@code SIGSTOP}, keeping their
 * compiled code) unless {@code --pause-idle=false}; the rounds alternate between them so that the machine's load falls
 * on all alike, and each ratio is taken within a round.
 *
 * <p>Beside throughput and latency, each run reports the CPU time per request of the server JVM (its own process CPU
 * time) and of PostgreSQL (see {@link CpuMeter}), and the bytes the server's threads allocated per request
 * ({@link JvmCounters}): on a shared machine they show where a variant's cost goes better than throughput does.
 * {@link RequestSummary} prints each figure's spread over the rounds.
 *
 * <p>Arguments (all optional): {@code --tenants=100 --clients=16,64 --duration=20 --warmup=15 --rounds=3
 * --variants=untenanted,untenanted+set,tenancy,tenancy-unlabelled,naive (also: tenancy-roles, tenancy-affine) --load=auto|wrk|java
 * --server-cpus= --load-cpus= --heap=512m --jfr= --load-tenants= --pause-idle=true} ({@code jfr}: a directory where
 * each server records a JFR profile; {@code load-tenants}: spread the requests over only the first N tenants, e.g. 1
 * to see a tenant's connections keep their search path).
 */
public final class RequestOverheadBenchmark {

    private final Options options;
    private final List<Variant> variants;
    private final LoadGenerator load;
    private final int tenants;
    private final int loadTenants;
    private final boolean pauseIdle;
    private CpuMeter cpu;

    private RequestOverheadBenchmark(Options options) {
        this.options = options;
        this.variants = options.list("variants").stream().map(Variant::of).toList();
        this.load = LoadGenerator.choose(options.string("load"), options.string("load-cpus"));
        this.tenants = options.integer("tenants");
        this.loadTenants = options.string("load-tenants") == null ? tenants : options.integer("load-tenants");
        String pause = options.string("pause-idle");
        if (!"true".equals(pause) && !"false".equals(pause)) {
            throw new IllegalArgumentException("--pause-idle=" + pause + ": use true (pause the servers not being"
                    + " measured) or false (keep them all running).");
        }
        this.pauseIdle = Boolean.parseBoolean(pause);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("tenants", "100");
        defaults.put("clients", "16,64");
        defaults.put("duration", "20");
        defaults.put("warmup", "15");
        defaults.put("rounds", "3");
        defaults.put("variants", "untenanted,untenanted+set,tenancy,tenancy-unlabelled,naive");
        defaults.put("load", "auto");
        defaults.put("server-cpus", "");
        defaults.put("load-cpus", "");
        defaults.put("heap", "512m");
        defaults.put("jfr", "");
        defaults.put("load-tenants", "");
        defaults.put("pause-idle", "true");
        new RequestOverheadBenchmark(Options.parse(args, defaults)).run();
    }

    private void run() throws Exception {
        System.out.println("Request overhead: " + options);
        System.out.println("Machine: " + Machine.describe() + "; load: " + load.describe());
        try (BenchmarkDatabase database = BenchmarkDatabase.create("request_overhead", tenants)) {
            System.out.println("PostgreSQL " + database.postgresVersion() + ", " + tenants + " tenants, requests spread"
                    + " over " + loadTenants);
            cpu = database.cpuMeter();
            if (!cpu.available()) {
                System.out.println("CPU per request: PostgreSQL's is not measured (it does not run on this machine,"
                        + " or /proc cannot be read) and counts as 0.");
            }
            Map<Variant, ServerProcess> servers = new EnumMap<>(Variant.class);
            TenantRoles roles = TenantRoles.of(Variant.ROLE_PREFIX, Variant.ROLE_GROUP);
            try {
                if (variants.contains(Variant.TENANCY_ROLES)) {
                    makeRoles(database, roles);
                }
                for (Variant variant : variants) {
                    servers.put(variant, ServerProcess.start(variant.key, database, options.string("server-cpus"),
                            jvmOptions(variant), variant.settings));
                }
                for (ServerProcess server : servers.values()) {
                    server.awaitReady();
                }
                checkAnswers(servers);
                measure(servers);
            } finally {
                servers.values().forEach(ServerProcess::close);
                if (variants.contains(Variant.TENANCY_ROLES)) {
                    dropRoles(database, roles);
                }
            }
        }
    }

    /** Gives every tenant its role, as {@code enable-tenant-roles} would. */
    private void makeRoles(BenchmarkDatabase database, TenantRoles roles) throws Exception {
        try (HikariDataSource pool = database.pool(1); Connection connection = pool.getConnection()) {
            roles.install(connection, "public", List.of());
            connection.setAutoCommit(false);
            for (int i = 0; i < tenants; i++) {
                roles.enable(connection, SchemaName.of(BenchmarkDatabase.schema(i)));
            }
            connection.commit();
        }
    }

    /** Drops the tenant roles again: roles outlive the benchmark's database on a shared server. */
    private void dropRoles(BenchmarkDatabase database, TenantRoles roles) throws Exception {
        try (HikariDataSource pool = database.pool(1); Connection connection = pool.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE NONE");
            for (int i = 0; i < tenants; i++) {
                String role = roles.quotedRole(SchemaName.of(BenchmarkDatabase.schema(i)));
                statement.execute("DROP OWNED BY " + role + "; DROP ROLE IF EXISTS " + role);
            }
            statement.execute("DROP OWNED BY \"" + roles.group() + "\"; DROP ROLE \"" + roles.group() + "\"");
        }
    }

    private List<String> jvmOptions(Variant variant) throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Xms" + options.string("heap"), "-Xmx" + options.string("heap")));
        String jfr = options.string("jfr");
        if (jfr != null) {
            Path directory = Files.createDirectories(Path.of(jfr));
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + directory.resolve(variant.key + ".jfr").toAbsolutePath());
        }
        return jvm;
    }

    /** Every variant answers the same JSON for the same item, from the schema it should read. */
    private void checkAnswers(Map<Variant, ServerProcess> servers) {
        Http http = new Http();
        for (Map.Entry<Variant, ServerProcess> server : servers.entrySet()) {
            String body = http.get(server.getValue().port(), BenchmarkDatabase.host(loadTenants - 1), "/items/42");
            if (!body.contains("\"name\":\"Item 42\"")) {
                throw new IllegalStateException(server.getKey().key + " answered " + body);
            }
        }
    }

    private void measure(Map<Variant, ServerProcess> servers) throws Exception {
        int[] clientCounts = options.integers("clients");
        Duration warmup = options.seconds("warmup");
        if (!warmup.isZero()) {
            int most = Arrays.stream(clientCounts).max().orElseThrow();
            for (Map.Entry<Variant, ServerProcess> server : servers.entrySet()) {
                runAlone(servers, server.getKey());
                LoadResult warm = load.run(server.getValue().port(), most, warmup, loadTenants);
                System.out.printf(Locale.ROOT, "warm-up %-15s %8.0f req/s%n", server.getKey().key, warm.throughput());
            }
        }
        Http http = new Http();
        servers.values().forEach(ServerProcess::resume);
        Map<Variant, Long> lookupsBefore = new EnumMap<>(Variant.class);
        servers.forEach((variant, server) -> lookupsBefore.put(variant, lookups(http, server)));
        Map<Variant, Long> requests = new EnumMap<>(Variant.class);
        List<String> results = new ArrayList<>();
        for (int clients : clientCounts) {
            Map<Variant, List<RequestRun>> rounds = new EnumMap<>(Variant.class);
            for (int round = 0; round < options.integer("rounds"); round++) {
                for (int i = 0; i < variants.size(); i++) {
                    Variant variant = variants.get((i + round) % variants.size());
                    runAlone(servers, variant);
                    RequestRun run = run(servers.get(variant), clients);
                    rounds.computeIfAbsent(variant, key -> new ArrayList<>()).add(run);
                    requests.merge(variant, run.load().requests(), Long::sum);
                    System.out.printf(Locale.ROOT, "clients %2d round %d %-15s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms"
                            + "  CPU/request: server %4.0f us, postgres %4.0f us, load %3.0f us"
                            + "  allocated %6.0f B/request  (load %s)%n", clients, round + 1, variant.key,
                            run.throughput(), run.load().p50Millis(),
                            run.load().p99Millis(), run.serverMicros(), run.postgresMicros(), run.loadMicros(),
                            run.allocatedBytesPerRequest(), Machine.loadNow());
                }
            }
            results.addAll(RequestSummary.lines(clients, variants, rounds));
        }
        servers.values().forEach(ServerProcess::resume);
        System.out.println();
        servers.forEach((variant, server) -> System.out.printf(Locale.ROOT, "%-15s host lookups that reached the "
                + "database while measuring: %d for %d requests%n", variant.key,
                lookups(http, server) - lookupsBefore.get(variant), requests.getOrDefault(variant, 0L)));
        System.out.println();
        System.out.println("Machine after the run: load average " + Machine.loadAverage());
        results.forEach(System.out::println);
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
            if (other != variant) {
                server.pause();
            }
        });
        ServerProcess measured = servers.get(variant);
        measured.resume();
        new Http().get(measured.port(), BenchmarkDatabase.host(loadTenants - 1), "/items/42");
    }

    private RequestRun run(ServerProcess server, int clients) throws Exception {
        Http http = new Http();
        JvmCounters jvmBefore = JvmCounters.read(http, server.port());
        CpuMeter.Sample before = cpu.sample(server.pid());
        LoadResult result = load.run(server.port(), clients, options.seconds("duration"), loadTenants);
        CpuMeter.Sample used = cpu.sample(server.pid()).minus(before);
        JvmCounters jvmAfter = JvmCounters.read(http, server.port());
        if (result.errors() > 0) {
            throw new IllegalStateException(server.name() + ": " + result.errors() + " requests failed");
        }
        return new RequestRun(result, jvmAfter.cpuSecondsSince(jvmBefore), used,
                jvmAfter.allocatedBytesSince(jvmBefore));
    }

    private static long lookups(Http http, ServerProcess server) {
        return Long.parseLong(http.get(server.port(), "localhost", "/harness/directory-lookups").trim());
    }
}
