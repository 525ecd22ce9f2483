package dev.tenancy.boot.security;

import dev.tenancy.boot.audit.TenantAccessAuditor;
import dev.tenancy.boot.web.TenantFilter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import java.util.Objects;

/**
 * Keeps sign-ins in the HTTP session, bound to the tenant (or the public site) they were made on: a session whose
 * security context was saved for tenant A counts as not signed in when it is presented for tenant B or for the public
 * site, whatever carried it there: a path-mode cookie (one cookie path for every {@code /t/<tenant>/}), a session
 * cookie widened to the parent domain, a header-mode client switching headers, or a cookie copied by hand.
 *
 * <p>The site is the tenant {@link TenantFilter} resolved for the request, by its row id (never reused by another
 * tenant), or the public site. A stored context without a site (saved before this repository was in place) is not
 * trusted anywhere. Signing in on B with A's session replaces A's sign-in; signing out clears the binding.
 *
 * <p>A session signed in on one site and presented on another is reported to the {@link TenantAccessAuditor}, when
 * one is given, as cross-tenant credentials.
 *
 * <p>Tenancy wraps the repository of every {@code HttpSecurity} in one ({@link TenantBoundSessionsConfigurer}; see
 * the starter README, "Sessions bound to their tenant").
 */
public final class TenantBoundSecurityContextRepository implements SecurityContextRepository {

    /** The session attribute naming the site the stored security context belongs to. */
    public static final String SITE_ATTRIBUTE = TenantBoundSecurityContextRepository.class.getName() + ".site";

    /** The session attribute naming the signed-in tenant's schema, for the audit only (the site decides). */
    private static final String TENANT_ATTRIBUTE = TenantBoundSecurityContextRepository.class.getName() + ".tenant";

    private final SecurityContextRepository sessions;
    private final TenantAccessAuditor auditor;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    /** Binds Spring Security's {@link HttpSessionSecurityContextRepository} to the request's tenant. */
    public TenantBoundSecurityContextRepository() {
        this(new HttpSessionSecurityContextRepository());
    }

    /**
     * Binds {@code sessions} to the request's tenant: a context it loads while the request's session was signed in
     * on another site is not used. A repository keeping no session (request attribute only) is left as it is.
     */
    public TenantBoundSecurityContextRepository(SecurityContextRepository sessions) {
        this(sessions, null);
    }

    /**
     * As {@link #TenantBoundSecurityContextRepository(SecurityContextRepository)}, and each session signed in on one
     * site and presented on another is reported to {@code auditor} (when not null) as
     * {@link TenantAccessAuditor#crossTenant cross-tenant credentials}: a WARN line, a counter and a
     * {@code TenantAccessDeniedEvent}.
     */
    public TenantBoundSecurityContextRepository(SecurityContextRepository sessions, TenantAccessAuditor auditor) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.auditor = auditor;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (belongsHere(request)) {
            return sessions.loadDeferredContext(request);
        }
        audit(request);
        return new NotSignedIn(holder);
    }

    /**
     * Reports a session signed in on another site, if it was signed in at all (else there is nothing to report), by
     * the schema it was signed in on, {@code public}, or (signed in before the schema was kept) its site.
     */
    private void audit(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object site = session == null ? null : session.getAttribute(SITE_ATTRIBUTE);
        if (auditor == null || site == null) {
            return;
        }
        Object schema = session.getAttribute(TENANT_ATTRIBUTE);
        auditor.crossTenant(request, schema != null ? schema.toString() : site.toString(),
                TenantFilter.tenantOf(request).map(tenant -> tenant.schema().value()).orElse(null));
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder requestResponse) {
        return loadDeferredContext(requestResponse.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        sessions.saveContext(context, request, response);
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        if (context.getAuthentication() == null) {
            session.removeAttribute(SITE_ATTRIBUTE);
            session.removeAttribute(TENANT_ATTRIBUTE);
        } else {
            session.setAttribute(SITE_ATTRIBUTE, site(request));
            TenantFilter.tenantOf(request).ifPresentOrElse(
                    tenant -> session.setAttribute(TENANT_ATTRIBUTE, tenant.schema().value()),
                    () -> session.removeAttribute(TENANT_ATTRIBUTE));
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return belongsHere(request) && sessions.containsContext(request);
    }

    private static boolean belongsHere(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return true;
        }
        Object signedInAt = session.getAttribute(SITE_ATTRIBUTE);
        if (signedInAt == null) {
            return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) == null;
        }
        return signedInAt.equals(site(request));
    }

    /** The request's site: a tenant by row id, or the public site. */
    private static String site(HttpServletRequest request) {
        return TenantFilter.tenantOf(request).map(tenant -> "tenant:" + tenant.id()).orElse("public");
    }

    /** An empty context, as if the request carried no session. */
    private record NotSignedIn(SecurityContextHolderStrategy holder) implements DeferredSecurityContext {

        @Override
        public SecurityContext get() {
            return holder.createEmptyContext();
        }

        @Override
        public boolean isGenerated() {
            return true;
        }
    }
}
