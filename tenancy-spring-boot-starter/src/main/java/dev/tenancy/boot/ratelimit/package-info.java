/**
 * Per-tenant rate limits (optional, off by default): a servlet filter right after the tenant filter refuses a
 * tenant's requests beyond its limit with {@code 429 Too Many Requests} and a {@code Retry-After} header, so that one
 * busy tenant cannot take the whole instance from the others. Public requests are never limited.
 */
package dev.tenancy.boot.ratelimit;
