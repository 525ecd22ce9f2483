package dev.tenancy.benchmarks.http;

import dev.tenancy.benchmarks.harness.BackendMemory;
import dev.tenancy.benchmarks.harness.CpuMeter;
import dev.tenancy.benchmarks.harness.LoadResult;

/**
 * One load run of one variant and what it cost: the server JVM's CPU time (its own reading), PostgreSQL's and the load
 * generator's (from {@code /proc}, see {@link CpuMeter}), the bytes the server's threads allocated, and the memory of
 * the server's PostgreSQL backends before and after the run.
 */
record RequestRun(LoadResult load, double serverCpuSeconds, CpuMeter.Sample cpu, long allocatedBytes,
        BackendMemory backendsBefore, BackendMemory backendsAfter) {

    double throughput() {
        return load.throughput();
    }

    double serverMicros() {
        return serverCpuSeconds * 1e6 / load.requests();
    }

    double postgresMicros() {
        return cpu.postgres() * 1e6 / load.requests();
    }

    double loadMicros() {
        return cpu.load() * 1e6 / load.requests();
    }

    /** Server and PostgreSQL CPU time per request, in microseconds. */
    double cpuMicros() {
        return serverMicros() + postgresMicros();
    }

    double allocatedBytesPerRequest() {
        return allocatedBytes / (double) load.requests();
    }
}
