/**
 * Jobs for every tenant: {@link dev.tenancy.boot.jobs.TenantJobs} runs (or schedules) a job for one tenant or for
 * each active tenant and reports each tenant's result.
 */
package dev.tenancy.boot.jobs;
