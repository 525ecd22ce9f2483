/**
 * Spring Security integration: sign-ins bound to the tenant (or the public site) they were made on
 * ({@link dev.tenancy.boot.security.TenantBoundSecurityContextRepository}).
 */
package dev.tenancy.boot.security;
