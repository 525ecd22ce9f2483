package dev.tenancy.benchmarks.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load from this JVM (when {@code wrk} is not installed): one thread per client, each sending its next request
 * when the previous answer arrived, through {@code java.net.http}'s keep-alive connections. It costs the machine more
 * CPU than {@code wrk}, which the server then lacks; compare ratios, not absolute numbers, across generators. With
 * Zipf traffic each client draws its tenants from a random sequence of its own, seeded by its number.
 */
final class JavaLoad implements LoadGenerator {

    private final HttpClient client = new Http().client();

    @Override
    public LoadResult run(int port, int clients, Duration duration, Traffic traffic) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> latencies = new ArrayList<>();
            long errors = 0;
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int first = c * 37;
                latencies.add(threads.submit(() -> client(port, first, traffic, end)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> client : latencies) {
                long[] nanos = client.get();
                errors += nanos[0];
                all.add(Arrays.copyOfRange(nanos, 1, nanos.length));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new LoadResult(merged.length, seconds, percentile(merged, 50), percentile(merged, 99), errors);
        } finally {
            threads.shutdownNow();
        }
    }

    /** One client's latencies in nanoseconds, after its error count at index 0. */
    private long[] client(int port, int first, Traffic traffic, long end) throws Exception {
        long[] nanos = new long[1024];
        int count = 1;
        long errors = 0;
        ZipfTenants zipf = traffic.uniform() ? null
                : new ZipfTenants(traffic.tenants(), traffic.zipfExponent(), first);
        for (int counter = first + 1; System.nanoTime() < end; counter++) {
            int tenant = zipf == null ? counter % traffic.tenants() : zipf.next();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + traffic.page()
                    + ((counter * 7) % Traffic.ITEMS + 1))).header("Host", "t" + tenant + ".localhost").build();
            long sent = System.nanoTime();
            int status;
            try {
                status = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
            } catch (IOException e) {
                status = -1;
            }
            if (status < 200 || status >= 400) {
                errors++;
                continue;
            }
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = System.nanoTime() - sent;
        }
        nanos[0] = errors;
        return Arrays.copyOf(nanos, count);
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    @Override
    public String describe() {
        return "Java client (java.net.http), one thread per client";
    }
}
