package dev.tenancy.boot.jobs;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * Runs a job for one tenant or for every ACTIVE tenant (django-tenants' {@code all_tenants_command}, or a Celery
 * task per tenant), each in its tenant's context, one after the other or several at once, and collects what the job
 * returned or threw in each tenant: one tenant's failure never stops the others and is never lost. Also schedules a
 * job to run for every active tenant on Spring's {@link TaskScheduler}.
 *
 * <pre>{@code
 * TenantJobReport<Integer> report = jobs.runForEachActive(tenant -> invoices.sendDue(), 4);
 * report.failures().forEach(failure -> alert(failure.tenant(), failure.failure()));
 *
 * jobs.scheduleForEachActive(new CronTrigger("0 0 3 * * *"), tenant -> { reports.nightly(); return null; });
 * }</pre>
 */
public final class TenantJobs {

    private static final Log log = LogFactory.getLog(TenantJobs.class);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final DataSource dataSource;
    private final String activeTenants;
    private final ObjectProvider<TaskScheduler> scheduler;

    /**
     * Jobs over the tenants listed in {@code tables}, read through {@code dataSource} in public, scheduled on the
     * application's {@link TaskScheduler} (looked up when a job is scheduled).
     */
    public TenantJobs(DataSource dataSource, TenantTables tables, ObjectProvider<TaskScheduler> scheduler) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.activeTenants = "SELECT schema_name FROM " + tables.tenantTable() + " WHERE status = '"
                + TenantStatus.ACTIVE.name() + "' AND (?::text IS NULL OR schema_name = ?) ORDER BY schema_name";
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Runs {@code job} for the tenant with schema {@code tenant}, if it is active; otherwise the result is a failure
     * saying so and the job does not run.
     */
    public <T> TenantJobResult<T> runFor(SchemaName tenant, TenantJob<T> job) {
        Objects.requireNonNull(job, "job");
        if (active(tenant).isEmpty()) {
            return TenantJobResult.failure(tenant, new TenancyException("No ACTIVE tenant has the schema '" + tenant
                    + "'; the job did not run."));
        }
        return runOne(tenant, job);
    }

    /** Runs {@code job} for every active tenant, one after the other, in the order of their schema names. */
    public <T> TenantJobReport<T> runForEachActive(TenantJob<T> job) {
        return runForEachActive(job, 1);
    }

    /**
     * Runs {@code job} for every active tenant, at most {@code parallelism} at once (each on a thread of its own,
     * holding a connection while it runs: keep it below the pool's size).
     */
    public <T> TenantJobReport<T> runForEachActive(TenantJob<T> job, int parallelism) {
        Objects.requireNonNull(job, "job");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism + ".");
        }
        List<SchemaName> tenants = active(null);
        if (parallelism == 1 || tenants.size() < 2) {
            List<TenantJobResult<T>> results = new ArrayList<>(tenants.size());
            for (SchemaName tenant : tenants) {
                results.add(runOne(tenant, job));
            }
            return new TenantJobReport<>(results);
        }
        return inParallel(tenants, job, Math.min(parallelism, tenants.size()));
    }

    /**
     * Runs {@code job} for every active tenant (one after the other) each time {@code trigger} fires, on the
     * application's task scheduler, and logs each failed tenant's error.
     *
     * @throws TenancyException when the application has no {@link TaskScheduler} (add {@code @EnableScheduling})
     */
    public ScheduledFuture<?> scheduleForEachActive(Trigger trigger, TenantJob<?> job) {
        return scheduleForEachActive(trigger, job, TenantJobs::logFailures);
    }

    /**
     * Runs {@code job} for every active tenant each time {@code trigger} fires, and hands each run's report to
     * {@code onReport}.
     *
     * @throws TenancyException when the application has no {@link TaskScheduler} (add {@code @EnableScheduling})
     */
    public <T> ScheduledFuture<?> scheduleForEachActive(Trigger trigger, TenantJob<T> job,
            Consumer<? super TenantJobReport<T>> onReport) {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(onReport, "onReport");
        TaskScheduler taskScheduler = scheduler.getIfAvailable();
        if (taskScheduler == null) {
            throw new TenancyException("There is no TaskScheduler to run tenant jobs on. Add @EnableScheduling to "
                    + "a configuration class (Spring Boot then provides one), or declare a TaskScheduler bean.");
        }
        return Tenants.callInPublic(() -> taskScheduler.schedule(() -> onReport.accept(runForEachActive(job)),
                trigger));
    }

    private static void logFailures(TenantJobReport<?> report) {
        for (TenantJobResult<?> failure : report.failures()) {
            log.error("A scheduled tenant job failed for tenant " + failure.tenant() + ".", failure.failure());
        }
    }

    private <T> TenantJobReport<T> inParallel(List<SchemaName> tenants, TenantJob<T> job, int threads) {
        String prefix = "tenancy-job-" + RUNS.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                task -> new Thread(task, prefix + count.incrementAndGet()));
        try {
            List<Future<TenantJobResult<T>>> running = new ArrayList<>(tenants.size());
            for (SchemaName tenant : tenants) {
                running.add(pool.submit(() -> runOne(tenant, job)));
            }
            List<TenantJobResult<T>> results = new ArrayList<>(tenants.size());
            for (int i = 0; i < tenants.size(); i++) {
                results.add(await(tenants.get(i), running.get(i)));
            }
            return new TenantJobReport<>(results);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> TenantJobResult<T> await(SchemaName tenant, Future<TenantJobResult<T>> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            return TenantJobResult.failure(tenant, e);
        } catch (ExecutionException e) {
            return TenantJobResult.failure(tenant, e.getCause());
        }
    }

    private static <T> TenantJobResult<T> runOne(SchemaName tenant, TenantJob<T> job) {
        try {
            return TenantJobResult.success(tenant, Tenants.call(tenant, () -> job.run(tenant)));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return TenantJobResult.failure(tenant, e);
        }
    }

    private List<SchemaName> active(SchemaName only) {
        String filter = only == null ? null : only.value();
        try {
            return Tenants.callInPublic(() -> {
                List<SchemaName> tenants = new ArrayList<>();
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement select = connection.prepareStatement(activeTenants)) {
                    select.setString(1, filter);
                    select.setString(2, filter);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            tenants.add(SchemaName.of(rows.getString(1)));
                        }
                    }
                }
                return tenants;
            });
        } catch (SQLException e) {
            throw new TenancyException("Could not list the active tenants: " + e.getMessage(), e);
        }
    }
}
