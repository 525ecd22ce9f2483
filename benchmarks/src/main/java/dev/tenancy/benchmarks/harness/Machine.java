package dev.tenancy.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** What a result must say about where it was measured: cores, memory, Java, date, and the machine's load. */
public final class Machine {

    private Machine() {
    }

    /** One line: date, cores, memory, Java version, load average. */
    public static String describe() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%s, %d cores, %d GiB, Java %s, load average %s", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Math.round(memory / (double) (1L << 30)),
                System.getProperty("java.version"), loadAverage());
    }

    /** The 1-, 5- and 15-minute load averages ({@code /proc/loadavg}), or the JVM's 1-minute figure elsewhere. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The 1-minute load average. */
    public static String loadNow() {
        return loadAverage().split(" ")[0];
    }
}
