package dev.tenancy.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The memory of some PostgreSQL backends, read from {@code /proc/<pid>/smaps_rollup} (Linux 4.14+, PostgreSQL on this
 * machine and readable by this user): their proportional set size ({@code Pss}: private pages plus a share of the
 * shared ones, such as shared buffers) and its anonymous part ({@code Pss_Anon}: the backend's own memory, where the
 * catalogue and plan caches of every schema it touched live), summed over the backends.
 *
 * @param backends how many backends were read
 * @param pssKilobytes their {@code Pss}, summed
 * @param anonKilobytes their {@code Pss_Anon}, summed
 */
public record BackendMemory(int backends, long pssKilobytes, long anonKilobytes) {

    /** Nothing measured. */
    public static final BackendMemory NONE = new BackendMemory(0, 0, 0);

    /** Reads the backends with these process ids; those that cannot be read (ended, elsewhere) are left out. */
    public static BackendMemory read(List<Long> pids) {
        int read = 0;
        long pss = 0;
        long anon = 0;
        for (long pid : pids) {
            try {
                long[] figures = {-1, 0};
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        figures[0] = kilobytes(line);
                    } else if (line.startsWith("Pss_Anon:")) {
                        figures[1] = kilobytes(line);
                    }
                }
                if (figures[0] >= 0) {
                    read++;
                    pss += figures[0];
                    anon += figures[1];
                }
            } catch (IOException | RuntimeException unreadable) {
                // not on this machine, ended meanwhile, or another user's: left out, as documented
            }
        }
        return new BackendMemory(read, pss, anon);
    }

    private static long kilobytes(String line) {
        String[] fields = line.trim().split("\\s+");
        return Long.parseLong(fields[1]);
    }

    /** Whether any backend was read. */
    public boolean measured() {
        return backends > 0;
    }

    /** Summed {@code Pss} in MB. */
    public double pssMegabytes() {
        return pssKilobytes / 1024.0;
    }

    /** Mean {@code Pss} per backend in MB. */
    public double pssMegabytesPerBackend() {
        return backends == 0 ? 0 : pssMegabytes() / backends;
    }

    /** Mean {@code Pss_Anon} per backend in MB. */
    public double anonMegabytesPerBackend() {
        return backends == 0 ? 0 : anonKilobytes / 1024.0 / backends;
    }

    /** E.g. {@code 10 backends, Pss 95.1 MB (9.5 per backend, 3.2 anonymous)}, or {@code not measured}. */
    public String describe() {
        return measured() ? String.format(Locale.ROOT, "%d backends, Pss %.1f MB (%.1f per backend, %.1f anonymous)",
                backends, pssMegabytes(), pssMegabytesPerBackend(), anonMegabytesPerBackend()) : "not measured";
    }
}
