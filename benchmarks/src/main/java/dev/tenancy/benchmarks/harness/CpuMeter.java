package dev.tenancy.benchmarks.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used during a run by the server JVM, by the PostgreSQL server (the postmaster and all its children:
 * backends, background workers) and by the load generator (this JVM and the children it waited for, i.e.
 * {@code wrk}), read from {@code /proc}. It tells where a request's cost goes whatever else loads the machine: CPU
 * time per request hardly depends on how many other processes compete for the cores, throughput does. Linux only,
 * and PostgreSQL only when it runs on this machine; elsewhere {@link #available()} is false.
 */
public final class CpuMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on every common Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long postmasterPid;

    private CpuMeter(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /**
     * A meter for the PostgreSQL server whose backend {@code backendPid} is (ask it: {@code pg_backend_pid()}), read
     * while that backend lives. A server on another machine has no such local process: PostgreSQL then counts 0.
     */
    public static CpuMeter forPostgresBackend(long backendPid) {
        long[] backend = stat(backendPid);
        return new CpuMeter(backend == null || !isPostgres(backendPid) ? -1 : backend[0]);
    }

    private static boolean isPostgres(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether CPU times can be read here. */
    public boolean available() {
        return postmasterPid > 0 && stat(ProcessHandle.current().pid()) != null;
    }

    /** CPU seconds used so far, by kind; subtract two samples. */
    public record Sample(double server, double postgres, double load) {

        /** What was used between {@code before} and this sample. */
        public Sample minus(Sample before) {
            return new Sample(server - before.server, postgres - before.postgres, load - before.load);
        }
    }

    /** The CPU seconds used so far by {@code serverPid}, by PostgreSQL and by the load generator. */
    public Sample sample(long serverPid) {
        long[] self = stat(ProcessHandle.current().pid());
        long[] server = stat(serverPid);
        return new Sample(server == null ? 0 : (server[1] + server[2]) / TICKS_PER_SECOND, postgresTicks()
                / TICKS_PER_SECOND, self == null ? 0 : (self[1] + self[2] + self[3] + self[4]) / TICKS_PER_SECOND);
    }

    private long postgresTicks() {
        if (postmasterPid <= 0) {
            return 0;
        }
        long[] postmaster = stat(postmasterPid);
        long ticks = postmaster == null ? 0 : postmaster[1] + postmaster[2];
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long[] child = stat(Long.parseLong(process.getFileName().toString()));
                if (child != null && child[0] == postmasterPid) {
                    ticks += child[1] + child[2];
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /** Parent pid, utime, stime, cutime, cstime of {@code pid}, or {@code null} when it cannot be read. */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                Long.parseLong(fields[13]), Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
