package dev.tenancy.core.migration;

import dev.tenancy.core.migration.MigrationListener.MigrationProgress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Works through a list of schemas with a bounded number of worker threads, in list order, reporting progress after
 * each. One schema's failure is just a result; it stops nothing. When the calling thread is interrupted, no new
 * schema is started, the ones under way finish, and the rest are counted as not attempted.
 */
final class FleetExecutor {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final int workers;
    private final Listeners listeners;

    FleetExecutor(int workers, Listeners listeners) {
        this.workers = workers;
        this.listeners = listeners;
    }

    /** What a pass over the schemas produced, in list order, and how many schemas it never reached. */
    record Pass<R>(List<R> results, int notAttempted) {
    }

    <T, R> Pass<R> run(List<T> schemas, Function<T, R> work, Predicate<R> failed) {
        int total = schemas.size();
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(total);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Progress progress = new Progress(total, listeners);
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < total && !stop.get(); i = next.getAndIncrement()) {
                R result = work.apply(schemas.get(i));
                results.set(i, result);
                progress.finished(failed.test(result));
            }
        };
        if (total > 0) {
            execute(worker, Math.min(workers, total), stop);
        }
        List<R> finished = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            if (results.get(i) != null) {
                finished.add(results.get(i));
            }
        }
        return new Pass<>(finished, total - finished.size());
    }

    private static void execute(Runnable worker, int threads, AtomicBoolean stop) {
        if (threads == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, namedThreads());
        List<Future<?>> running = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            running.add(pool.submit(worker));
        }
        pool.shutdown();
        try {
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            stop.set(true);
            awaitUninterruptibly(pool);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            stop.set(true);
            awaitUninterruptibly(pool);
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    private static void awaitUninterruptibly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.HOURS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts finished schemas and reports each step, in order, to the listeners. */
    private static final class Progress {

        private final int total;
        private final Listeners listeners;
        private final long start = System.nanoTime();
        private int done;
        private int failed;

        Progress(int total, Listeners listeners) {
            this.total = total;
            this.listeners = listeners;
        }

        synchronized void finished(boolean failure) {
            done++;
            if (failure) {
                failed++;
            }
            listeners.progress(new MigrationProgress(done, total, failed, Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    private static ThreadFactory namedThreads() {
        String prefix = "tenancy-migrate-" + RUNS.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, prefix + count.incrementAndGet());
    }
}
