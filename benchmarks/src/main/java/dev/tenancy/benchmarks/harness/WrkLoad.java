package dev.tenancy.benchmarks.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load from {@code wrk} (one thread, so it takes at most one core), with the script {@code wrk/spread.lua}, which
 * chooses each request's host in turn or, for Zipf traffic, at random by popularity.
 */
final class WrkLoad implements LoadGenerator {

    private static final Pattern RESULT = Pattern.compile("WRK-RESULT requests=(\\d+) duration_us=(\\d+)"
            + " p50_us=(\\d+) p99_us=(\\d+) errors=(\\d+)");
    private final String cpus;
    private Path script;

    WrkLoad(String cpus) {
        this.cpus = cpus;
    }

    @Override
    public LoadResult run(int port, int clients, Duration duration, Traffic traffic) throws Exception {
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.addAll(List.of("wrk", "-t1", "-c" + clients, "-d" + duration.toSeconds() + "s", "--timeout", "10s",
                "-s", script().toString(), "http://127.0.0.1:" + port + "/", "--",
                Integer.toString(traffic.tenants()), Integer.toString(Traffic.ITEMS), traffic.page(),
                Double.toString(traffic.zipfExponent())));
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = wrk.waitFor();
        Matcher result = RESULT.matcher(output);
        if (exit != 0 || !result.find()) {
            throw new IllegalStateException("wrk failed (exit " + exit + "):\n" + output);
        }
        return new LoadResult(Long.parseLong(result.group(1)), Long.parseLong(result.group(2)) / 1e6,
                Long.parseLong(result.group(3)) / 1e3, Long.parseLong(result.group(4)) / 1e3,
                Long.parseLong(result.group(5)));
    }

    private Path script() throws IOException {
        if (script == null) {
            script = Files.createTempFile("tenancy-spread-", ".lua");
            script.toFile().deleteOnExit();
            try (InputStream lua = WrkLoad.class.getResourceAsStream("/wrk/spread.lua")) {
                Files.write(script, lua.readAllBytes());
            }
        }
        return script;
    }

    @Override
    public String describe() {
        return "wrk, 1 thread" + (cpus == null ? "" : ", on CPU " + cpus);
    }
}
