package dev.tenancy.boot.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated bean method once for every ACTIVE tenant, in that tenant's context, on a schedule — like
 * Spring's {@code @Scheduled}, which runs a method once, in public. Each run goes through
 * {@link TenantJobs#scheduleForEachActive}: one tenant's failure does not stop the others, and each failure is
 * logged with its tenant. The method takes no parameter or a {@link dev.tenancy.core.SchemaName} (the tenant); what
 * it returns is ignored. Give exactly one of {@link #cron()}, {@link #fixedDelay()} and {@link #fixedRate()}; values
 * may be {@code ${...}} placeholders. Needs a {@code TaskScheduler} ({@code @EnableScheduling}); without one the
 * application does not start.
 *
 * <pre>{@code
 * @TenantScheduled(cron = "0 0 3 * * *")
 * void sendDueInvoices() { invoices.sendDue(); }      // 03:00 every night, in each active tenant
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TenantScheduled {

    /** A Spring cron expression (six fields, e.g. {@code 0 0 3 * * *}). */
    String cron() default "";

    /** The time zone of {@link #cron()}; the server's by default. */
    String zone() default "";

    /** The time between the end of one run (over all tenants) and the start of the next, e.g. {@code 10m}. */
    String fixedDelay() default "";

    /** The time between the starts of two runs, e.g. {@code 1h}. */
    String fixedRate() default "";

    /** The time before the first run of a {@link #fixedDelay()} or {@link #fixedRate()} job; none by default. */
    String initialDelay() default "";
}
