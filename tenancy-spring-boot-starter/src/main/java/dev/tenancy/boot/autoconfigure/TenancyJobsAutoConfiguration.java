package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.jobs.TenantJobs;
import dev.tenancy.boot.jobs.TenantScheduled;
import dev.tenancy.boot.jobs.TenantScheduledProcessor;
import dev.tenancy.core.directory.TenantTables;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.TaskScheduler;

import javax.sql.DataSource;

/**
 * A {@link TenantJobs} bean, to run or schedule a job for one tenant or for every active tenant, and
 * {@link TenantScheduled} methods scheduled through it.
 */
@AutoConfiguration(after = TenancyAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBean(TenantTables.class)
public final class TenancyJobsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantJobs tenantJobs(DataSource dataSource, TenantTables tables, ObjectProvider<TaskScheduler> scheduler) {
        return new TenantJobs(dataSource, tables, scheduler);
    }

    @Bean
    static TenantScheduledProcessor tenantScheduledProcessor(ObjectProvider<TenantJobs> jobs) {
        return new TenantScheduledProcessor(jobs);
    }
}
