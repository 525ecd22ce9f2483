package dev.tenancy.sample.reliability.load;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The figures of a load run, as RELIABILITY.md reports them: printed, and written to
 * {@code target/isolation-under-load.txt}.
 */
final class LoadReport {

    private final String text;

    LoadReport(IsolationUnderLoadTest.LoadRun run, int tenants, int clients, JdbcTemplate jdbc) {
        LoadTally tally = run.tally();
        StringBuilder out = new StringBuilder();
        out.append("Isolation under load, ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        out.append(String.format("requests: %,d in %.1f s (%,.0f requests/s); clients: %d keep-alive (%,d "
                + "connections opened); tenants: %d%n", tally.requests(), run.seconds(), tally.requests()
                / run.seconds(), clients, run.connections(), tenants));
        out.append(String.format("machine: %d CPUs, %s %s, Java %s, PostgreSQL %s; load average %.1f before, %.1f "
                + "after%n", Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"),
                jdbc.queryForObject("SHOW server_version", String.class), run.loadBefore(), run.loadAfter()));
        out.append("| kind | share | sent | answered as expected |\n|---|---|---|---|\n");
        for (RequestKind kind : RequestKind.values()) {
            out.append(String.format("| %s | %d %% | %,d | %,d |%n", kind.description(), kind.percent(),
                    tally.sent(kind), tally.expected(kind)));
        }
        out.append(String.format("foreign answers (another tenant's data, or not the tenant's): %,d%n",
                tally.foreign()));
        Map<String, Long> errors = tally.errors();
        out.append("errors by kind: ").append(errors.isEmpty() ? "none" : errors.toString()).append('\n');
        out.append("writes of unknown outcome (no answer): ").append(run.uncertainWrites()).append('\n');
        tally.examples().forEach(example -> out.append("  ").append(example).append('\n'));
        this.text = out.toString();
    }

    /** Prints the figures and writes them to {@code target/isolation-under-load.txt}. */
    void print() {
        System.out.print(text);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "isolation-under-load.txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The system's load average over the last minute. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
