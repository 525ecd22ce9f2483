/**
 * The web side of Tenancy: the {@link dev.tenancy.boot.web.TenantFilter} that picks each request's tenant (by host,
 * path prefix or header), and {@link dev.tenancy.boot.web.PublicEndpoint} / {@link dev.tenancy.boot.web.TenantEndpoint}
 * for endpoints that answer on one kind of host only.
 */
package dev.tenancy.boot.web;
