package dev.tenancy.benchmarks.harness;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Sends requests to a server for a while over a fixed number of keep-alive connections (each client sends its next
 * request when the previous answer arrived), spread over the tenants' hosts as a {@link Traffic} says.
 */
public interface LoadGenerator {

    /** Runs the load and reports it. */
    LoadResult run(int port, int clients, Duration duration, Traffic traffic) throws Exception;

    /** What generates the load, for the report. */
    String describe();

    /**
     * {@code wrk} when it is installed (it costs the machine least), else the Java client.
     *
     * @param choice {@code wrk}, {@code java} or {@code auto}
     * @param cpus a {@code taskset} CPU list for {@code wrk}, or {@code null}
     */
    static LoadGenerator choose(String choice, String cpus) {
        boolean wrkInstalled = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "wrk")));
        return switch (choice) {
            case "wrk" -> {
                if (!wrkInstalled) {
                    throw new IllegalArgumentException("--load=wrk: wrk is not on the PATH. Install it (apt-get"
                            + " install wrk), or use --load=java or --load=auto.");
                }
                yield new WrkLoad(cpus);
            }
            case "java" -> new JavaLoad();
            case "auto" -> wrkInstalled ? new WrkLoad(cpus) : new JavaLoad();
            default -> throw new IllegalArgumentException("--load=" + choice + ": use wrk, java or auto.");
        };
    }
}
