/** Logging under Tenancy: {@link dev.tenancy.boot.logging.TenantMdc} puts the current tenant in every log line. */
package dev.tenancy.boot.logging;
