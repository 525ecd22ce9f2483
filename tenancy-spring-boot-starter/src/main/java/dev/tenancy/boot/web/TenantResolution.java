package dev.tenancy.boot.web;

import dev.tenancy.core.directory.TenantDirectory.TenantRecord;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;

/** What a {@link TenantRequestResolver} found a request to be for. */
public final class TenantResolution {

    /** The kinds of answer. */
    public enum Outcome {
        /** A tenant (whatever its status; the filter refuses tenants that are not active). */
        TENANT,
        /** The public schema: a public host, or a request outside the tenant path prefix. */
        PUBLIC,
        /** The request names a tenant address that no tenant has. */
        NOT_FOUND,
        /** The request's tenant address is not a valid host name. */
        INVALID
    }

    private static final TenantResolution PUBLIC = new TenantResolution(Outcome.PUBLIC, null, null);
    private static final TenantResolution NOT_FOUND = new TenantResolution(Outcome.NOT_FOUND, null, null);
    private static final TenantResolution INVALID = new TenantResolution(Outcome.INVALID, null, null);

    private final Outcome outcome;
    private final TenantRecord tenant;
    private final HttpServletRequest request;

    private TenantResolution(Outcome outcome, TenantRecord tenant, HttpServletRequest request) {
        this.outcome = outcome;
        this.tenant = tenant;
        this.request = request;
    }

    /** The request is for {@code tenant}. */
    public static TenantResolution tenant(TenantRecord tenant) {
        return new TenantResolution(Outcome.TENANT, Objects.requireNonNull(tenant, "tenant"), null);
    }

    /** The request is for {@code tenant}, and the application should see {@code request} (e.g. without a prefix). */
    public static TenantResolution tenant(TenantRecord tenant, HttpServletRequest request) {
        return new TenantResolution(Outcome.TENANT, Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(request, "request"));
    }

    /** The request is for the public schema. */
    public static TenantResolution publicSchema() {
        return PUBLIC;
    }

    /** The request names a tenant address that no tenant has. */
    public static TenantResolution notFound() {
        return NOT_FOUND;
    }

    /** The request's tenant address is not a valid host name. */
    public static TenantResolution invalid() {
        return INVALID;
    }

    /** The kind of answer. */
    public Outcome outcome() {
        return outcome;
    }

    /** The tenant, for {@link Outcome#TENANT}; otherwise {@code null}. */
    public TenantRecord tenant() {
        return tenant;
    }

    /** The request the application should see: the one given by the resolver, or else {@code original}. */
    public HttpServletRequest requestFor(HttpServletRequest original) {
        return request != null ? request : original;
    }
}
