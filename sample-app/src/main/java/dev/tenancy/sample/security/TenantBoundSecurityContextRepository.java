package dev.tenancy.sample.security;

import dev.tenancy.boot.web.TenantFilter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Keeps browser sign-ins in the HTTP session, bound to the tenant (or the public site) they were made on: a session
 * presented on another tenant's host counts as not signed in there. Browsers already keep a host's session cookie to
 * that host; this also covers a cookie copied by hand.
 */
final class TenantBoundSecurityContextRepository implements SecurityContextRepository {

    private static final String SIGNED_IN_AT = TenantBoundSecurityContextRepository.class.getName() + ".site";

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        if (belongsHere(request)) {
            return stored;
        }
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return SecurityContextHolder.createEmptyContext();
            }

            @Override
            public boolean isGenerated() {
                return true;
            }
        };
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        sessions.saveContext(context, request, response);
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        if (context.getAuthentication() == null) {
            session.removeAttribute(SIGNED_IN_AT);
        } else {
            session.setAttribute(SIGNED_IN_AT, site(request));
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request) && belongsHere(request);
    }

    private static boolean belongsHere(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return true;
        }
        Object signedInAt = session.getAttribute(SIGNED_IN_AT);
        if (signedInAt == null) {
            return !hasStoredContext(session);
        }
        return signedInAt.equals(site(request));
    }

    private static boolean hasStoredContext(HttpSession session) {
        return session != null && session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    /** Which site the request is for: a tenant (by row id, which no other tenant ever reuses) or the public one. */
    private static String site(HttpServletRequest request) {
        return TenantFilter.tenantOf(request).map(tenant -> "tenant:" + tenant.id()).orElse("public");
    }
}
