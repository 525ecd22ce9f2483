package dev.tenancy.boot.web;

import dev.tenancy.core.TenantScope;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Enumeration;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant filter (django-tenants' {@code TenantMainMiddleware}): picks each request's tenant with a
 * {@link TenantRequestResolver}, runs the rest of the chain in that tenant's context and always restores the previous
 * context afterwards. Registered before Spring Security and everything else that touches data, for requests, async
 * dispatches and error dispatches (an error page for a tenant's request runs in that tenant).
 *
 * <p>Answers, each with a JSON body {@code {"error":"..."}}, or an HTML page ({@link RefusalPage}) for clients
 * that ask for {@code text/html}, and no detail about schemas:
 * <ul>
 *   <li>400 when the tenant address is not a valid host name, or the request has more than one {@code Host}
 *       header (which one a proxy, the server and the application read could differ);</li>
 *   <li>404 when no tenant has it (unless {@code tenancy.web.show-public-if-no-tenant-found}, which serves the
 *       public schema instead);</li>
 *   <li>503 when the tenant is still being provisioned (it will be served shortly);</li>
 *   <li>403 when the tenant is inactive (switched off; its data is kept but not served).</li>
 * </ul>
 * Whatever happens inside, the thread leaves every request with the tenant context it came in with (none on a
 * server's thread): a scope the application opened with {@code Tenants.enter(...)} and never closed is closed here
 * and logged at WARN.
 *
 * <p>The application gets the tenant's {@link TenantRecord} as the request attribute {@link #TENANT_ATTRIBUTE}
 * ({@link #tenantOf(ServletRequest)}), or as a {@code TenantRecord} controller-method parameter.
 */
public final class TenantFilter extends OncePerRequestFilter {

    private static final Log log = LogFactory.getLog(TenantFilter.class);

    /** The default filter order: after character encoding and forwarded headers, before Spring Security (-100). */
    public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    /** The request attribute holding the request's {@link TenantRecord}; absent on public requests. */
    public static final String TENANT_ATTRIBUTE = TenantFilter.class.getName() + ".tenant";

    private final TenantRequestResolver resolver;
    private final boolean showPublicIfNoTenantFound;
    private final ErrorResponses refusals;

    /**
     * A filter resolving tenants with {@code resolver}; unknown tenants are served in public when
     * {@code showPublicIfNoTenantFound}, else refused with 404.
     */
    public TenantFilter(TenantRequestResolver resolver, boolean showPublicIfNoTenantFound) {
        this(resolver, showPublicIfNoTenantFound, RefusalPage.standard());
    }

    /** As {@link #TenantFilter(TenantRequestResolver, boolean)}, with browsers' refusals rendered by {@code page}. */
    public TenantFilter(TenantRequestResolver resolver, boolean showPublicIfNoTenantFound, RefusalPage page) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.showPublicIfNoTenantFound = showPublicIfNoTenantFound;
        this.refusals = new ErrorResponses(page);
    }

    /** The tenant the filter resolved for {@code request}; empty for public requests. */
    public static Optional<TenantRecord> tenantOf(ServletRequest request) {
        return Optional.ofNullable((TenantRecord) request.getAttribute(TENANT_ATTRIBUTE));
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /** Error pages run in the failed request's tenant: the one resolved for it, not the error page's path. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasSeveralHostHeaders(request)) {
            resolver.refusedUnread(request);
            refusals.write(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    "The request has more than one Host header; send exactly one.");
            return;
        }
        TenantResolution resolution = request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(TENANT_ATTRIBUTE) instanceof TenantRecord failedRequestTenant
                ? TenantResolution.tenant(failedRequestTenant) : resolver.resolve(request);
        switch (resolution.outcome()) {
            case TENANT -> serveTenant(resolution, request, response, chain);
            case PUBLIC -> servePublic(request, response, chain);
            case NOT_FOUND -> {
                if (showPublicIfNoTenantFound) {
                    servePublic(request, response, chain);
                } else {
                    refusals.write(request, response, HttpServletResponse.SC_NOT_FOUND,
                            "No tenant is served at this address.");
                }
            }
            case INVALID -> refusals.write(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    "The request's tenant address is not a valid host name.");
        }
    }

    private static boolean hasSeveralHostHeaders(HttpServletRequest request) {
        Enumeration<String> hosts = request.getHeaders("Host");
        if (hosts == null || !hosts.hasMoreElements()) {
            return false;
        }
        hosts.nextElement();
        return hosts.hasMoreElements();
    }

    private void serveTenant(TenantResolution resolution, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        TenantRecord tenant = resolution.tenant();
        if (tenant.status() == TenantStatus.PROVISIONING) {
            refusals.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "This tenant is being set up. Try again shortly.");
            return;
        }
        if (!tenant.isServed()) {
            refusals.write(request, response, HttpServletResponse.SC_FORBIDDEN, "This tenant is not active.");
            return;
        }
        HttpServletRequest forwarded = resolution.requestFor(request);
        forwarded.setAttribute(TENANT_ATTRIBUTE, tenant);
        TenantScope scope = Tenants.enter(tenant.schema());
        try {
            chain.doFilter(forwarded, response);
        } finally {
            leave(scope, request);
        }
    }

    private static void servePublic(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TenantScope scope = Tenants.enterPublic();
        try {
            chain.doFilter(request, response);
        } finally {
            leave(scope, request);
        }
    }

    /**
     * Closes the request's scope. Closing it ends any scope the application opened inside and left open, and brings
     * back the context from before the request (none on a server thread); such a leak is logged, not thrown, since
     * the request itself was served.
     */
    private static void leave(TenantScope scope, HttpServletRequest request) {
        try {
            scope.close();
        } catch (IllegalStateException leak) {
            log.warn("A tenant scope opened while serving " + request.getMethod() + " " + request.getRequestURI()
                    + " was left open; Tenancy closed it, so the thread serves its next request with no tenant. "
                    + "Close every scope that Tenants.enter(...) returns, e.g. with try-with-resources.");
        }
    }
}
