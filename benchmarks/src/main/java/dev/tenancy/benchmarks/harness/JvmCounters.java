package dev.tenancy.benchmarks.harness;

import java.util.HashMap;
import java.util.Map;

/**
 * One reading of the benchmark application's own counters ({@code /harness/jvm-counters}): its JVM's CPU time and
 * the bytes each of its threads has allocated. Both hardly depend on how loaded the machine is, unlike throughput,
 * so their differences per request can be compared between runs on a shared machine. Also the time its JIT compilers
 * have spent compiling ({@code -1} if not reported): elapsed time of the compiler threads, so it grows fastest when
 * they are starved of CPU, and stops growing once the code the load runs is compiled.
 */
public record JvmCounters(long cpuNanos, long compileMillis, Map<Long, Long> allocatedByThread) {

    /** Reads the counters of the application serving on {@code port}. */
    public static JvmCounters read(Http http, int port) {
        long cpuNanos = -1;
        long compileMillis = -1;
        Map<Long, Long> allocated = new HashMap<>();
        for (String line : http.get(port, "localhost", "/harness/jvm-counters").split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields[0].equals("cpu_nanos")) {
                cpuNanos = Long.parseLong(fields[1]);
            } else if (fields[0].equals("compile_millis")) {
                compileMillis = Long.parseLong(fields[1]);
            } else if (fields[0].equals("thread")) {
                allocated.put(Long.parseLong(fields[1]), Long.parseLong(fields[2]));
            }
        }
        return new JvmCounters(cpuNanos, compileMillis, Map.copyOf(allocated));
    }

    /** CPU seconds used since {@code before}; 0 when the JVM does not report its CPU time. */
    public double cpuSecondsSince(JvmCounters before) {
        return cpuNanos < 0 || before.cpuNanos < 0 ? 0 : (cpuNanos - before.cpuNanos) / 1e9;
    }

    /** Milliseconds the JIT spent compiling since {@code before}; -1 when the JVM does not report it. */
    public long compileMillisSince(JvmCounters before) {
        return compileMillis < 0 || before.compileMillis < 0 ? -1 : compileMillis - before.compileMillis;
    }

    /**
     * Bytes allocated since {@code before}, thread by thread: a thread alive in both readings counts its growth, a
     * thread started since counts all it allocated; a thread that ended in between is missing (its last allocations
     * are lost, its earlier ones are not subtracted).
     */
    public long allocatedBytesSince(JvmCounters before) {
        long bytes = 0;
        for (Map.Entry<Long, Long> thread : allocatedByThread.entrySet()) {
            bytes += thread.getValue() - before.allocatedByThread.getOrDefault(thread.getKey(), 0L);
        }
        return bytes;
    }
}
