/**
 * Micrometer metrics and observation keys for Tenancy: tenant resolution, provisioning, migrations and search-path
 * settings. Active only when Micrometer is on the class path; see {@code TenancyMetricsAutoConfiguration}.
 */
package dev.tenancy.boot.metrics;
