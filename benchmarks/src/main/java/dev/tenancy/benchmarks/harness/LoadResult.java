package dev.tenancy.benchmarks.harness;

/**
 * One load run's outcome: requests completed, seconds, median and 99th-percentile latency, and failed requests
 * (connection errors, timeouts, any answer other than 2xx/3xx).
 */
public record LoadResult(long requests, double seconds, double p50Millis, double p99Millis, long errors) {

    /** Requests per second. */
    public double throughput() {
        return requests / seconds;
    }
}
