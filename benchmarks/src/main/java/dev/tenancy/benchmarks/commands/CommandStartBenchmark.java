package dev.tenancy.benchmarks.commands;

import dev.tenancy.benchmarks.harness.BenchmarkDatabase;
import dev.tenancy.benchmarks.harness.CommandProcess;
import dev.tenancy.benchmarks.harness.Machine;
import dev.tenancy.benchmarks.harness.Options;
import dev.tenancy.benchmarks.harness.ServerProcess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How quickly a command runs against how quickly the application starts: the benchmark application's
 * {@code list-tenants} (quiet and lazy, as commands start), the same command with {@code --verbose} and eager beans
 * ({@code --spring.main.lazy-initialization=false}), and the plain application start (JVM launch until it serves
 * requests), alternately, each in a child JVM. Also counts the lines the quiet command printed to standard output
 * and to standard error.
 *
 * <p>Arguments (all optional): {@code --tenants=100 --runs=5}.
 */
public final class CommandStartBenchmark {

    private final Options options;

    private CommandStartBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("tenants", "100");
        defaults.put("runs", "5");
        new CommandStartBenchmark(Options.parse(args, defaults)).run();
    }

    private void run() throws Exception {
        int tenants = options.integer("tenants");
        System.out.println("Command start: " + options);
        System.out.println("Machine: " + Machine.describe());
        List<String> jvm = List.of("-Xmx512m");
        List<Double> quiet = new ArrayList<>();
        List<Double> eager = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        CommandProcess lastQuiet = null;
        try (BenchmarkDatabase database = BenchmarkDatabase.create("command_start", tenants)) {
            for (int run = 0; run < options.integer("runs"); run++) {
                lastQuiet = CommandProcess.run(database.jdbcUrl(), database.username(), database.password(), jvm,
                        List.of("list-tenants"));
                quiet.add(lastQuiet.seconds());
                eager.add(CommandProcess.run(database.jdbcUrl(), database.username(), database.password(), jvm,
                        List.of("--spring.main.lazy-initialization=false", "list-tenants", "--verbose")).seconds());
                long start = System.nanoTime();
                try (ServerProcess started = ServerProcess.start("server", database, null, jvm, List.of())
                        .awaitReady()) {
                    server.add((System.nanoTime() - start) / 1e9);
                }
            }
        }
        System.out.printf(Locale.ROOT, "RESULT command-start tenants=%d list-tenants median %.2f s %s (stdout %d lines,"
                + " stderr %d lines); list-tenants --verbose with eager beans median %.2f s %s; application start"
                + " until serving median %.2f s %s (load %s)%n", tenants, median(quiet), seconds(quiet),
                lastQuiet.out().size(), lastQuiet.err().size(), median(eager), seconds(eager), median(server),
                seconds(server), Machine.loadAverage());
    }

    private static String seconds(List<Double> seconds) {
        return seconds.stream().map(value -> String.format(Locale.ROOT, "%.2f", value)).toList().toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
