/**
 * Auditing attempts to reach a tenant that a request may not reach: security events as a rate-limited WARN log
 * line, a Spring application event and (with Micrometer) a counter. See {@code TenancyAuditAutoConfiguration}.
 */
package dev.tenancy.boot.audit;
