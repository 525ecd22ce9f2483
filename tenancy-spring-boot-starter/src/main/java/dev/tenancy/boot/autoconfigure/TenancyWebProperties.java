package dev.tenancy.boot.autoconfigure;

import dev.tenancy.boot.web.TenantFilter;
import dev.tenancy.boot.web.TenantResolutionMode;

import java.util.ArrayList;
import java.util.List;

/** The request filter that picks each request's tenant, and public-only / tenant-only endpoints. */
public class TenancyWebProperties {

    /**
     * How a request names its tenant: "host" (the Host header, looked up in the domain table), "path" (a path
     * prefix such as /t/acme/..., looked up in the domain table and hidden from the application) or "header"
     * (a request header carrying a domain). Use "header" only for service-to-service traffic behind a gateway
     * that strips or sets it: any browser or client can send any header, so trusting it from the internet lets
     * a user pick another tenant's data.
     */
    private TenantResolutionMode resolveBy = TenantResolutionMode.HOST;

    /** Host names that serve the public schema (no tenant), e.g. the marketing site or sign-up page. */
    private List<String> publicHosts = new ArrayList<>(List.of("localhost"));

    /**
     * Whether requests for a host (or path, or header value) that no tenant has are served in the public schema
     * instead of answered with 404.
     */
    private boolean showPublicIfNoTenantFound;

    /**
     * Path prefix of tenants in "path" mode: /t/acme/orders is for the tenant with domain "acme", and the
     * application sees /orders.
     */
    private String pathPrefix = "/t";

    /** Request header naming the tenant's domain in "header" mode. */
    private String header = "X-Tenant";

    /** Order of the tenant filter; it must run before Spring Security (-100) and anything that touches data. */
    private int filterOrder = TenantFilter.DEFAULT_ORDER;

    /** Path patterns (e.g. /signup/**) that answer only public requests, like @PublicEndpoint controllers. */
    private List<String> publicPaths = new ArrayList<>();

    /** Path patterns (e.g. /app/**) that answer only tenant requests, like @TenantEndpoint controllers. */
    private List<String> tenantPaths = new ArrayList<>();

    public TenantResolutionMode getResolveBy() {
        return resolveBy;
    }

    public void setResolveBy(TenantResolutionMode resolveBy) {
        this.resolveBy = resolveBy;
    }

    public List<String> getPublicHosts() {
        return publicHosts;
    }

    public void setPublicHosts(List<String> publicHosts) {
        this.publicHosts = publicHosts;
    }

    public boolean isShowPublicIfNoTenantFound() {
        return showPublicIfNoTenantFound;
    }

    public void setShowPublicIfNoTenantFound(boolean showPublicIfNoTenantFound) {
        this.showPublicIfNoTenantFound = showPublicIfNoTenantFound;
    }

    public String getPathPrefix() {
        return pathPrefix;
    }

    public void setPathPrefix(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    public String getHeader() {
        return header;
    }

    public void setHeader(String header) {
        this.header = header;
    }

    public int getFilterOrder() {
        return filterOrder;
    }

    public void setFilterOrder(int filterOrder) {
        this.filterOrder = filterOrder;
    }

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    public List<String> getTenantPaths() {
        return tenantPaths;
    }

    public void setTenantPaths(List<String> tenantPaths) {
        this.tenantPaths = tenantPaths;
    }
}
