package dev.tenancy.boot.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps public-only endpoints ({@link PublicEndpoint}, {@code tenancy.web.public-paths}) off tenant requests and
 * tenant-only endpoints ({@link TenantEndpoint}, {@code tenancy.web.tenant-paths}) off public requests. A refused
 * request gets 404 with {@code {"error":"Not found."}} (browsers get the {@link RefusalPage}): on the wrong host the
 * endpoint does not exist, exactly as with django-tenants' separate public URLconf, and nothing tells a visitor it
 * exists elsewhere.
 */
public final class EndpointAccessInterceptor implements HandlerInterceptor {

    private enum Audience { PUBLIC, TENANT, ANY }

    private final List<PathPattern> publicPaths;
    private final List<PathPattern> tenantPaths;
    private final ErrorResponses refusals;
    /** Audience declared on each handler method and controller class, looked up once (annotations do not change). */
    private final Map<AnnotatedElement, Audience> declaredAudiences = new ConcurrentHashMap<>();

    /** An interceptor with the given path patterns (e.g. {@code /signup/**}) on top of the annotations. */
    public EndpointAccessInterceptor(List<String> publicPaths, List<String> tenantPaths) {
        this(publicPaths, tenantPaths, RefusalPage.standard());
    }

    /** As {@link #EndpointAccessInterceptor(List, List)}, with browsers' 404 pages rendered by {@code page}. */
    public EndpointAccessInterceptor(List<String> publicPaths, List<String> tenantPaths, RefusalPage page) {
        this.publicPaths = parse(publicPaths);
        this.tenantPaths = parse(tenantPaths);
        this.refusals = new ErrorResponses(page);
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Audience audience = audience(request, handler);
        boolean tenantRequest = request.getAttribute(TenantFilter.TENANT_ATTRIBUTE) != null;
        if ((audience == Audience.PUBLIC && tenantRequest) || (audience == Audience.TENANT && !tenantRequest)) {
            refusals.write(request, response, HttpServletResponse.SC_NOT_FOUND, "Not found.");
            return false;
        }
        return true;
    }

    private Audience audience(HttpServletRequest request, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Audience declared = declaredAudiences.computeIfAbsent(method.getMethod(),
                    EndpointAccessInterceptor::declared);
            if (declared == Audience.ANY) {
                declared = declaredAudiences.computeIfAbsent(method.getBeanType(),
                        EndpointAccessInterceptor::declared);
            }
            if (declared != Audience.ANY) {
                return declared;
            }
        }
        if (publicPaths.isEmpty() && tenantPaths.isEmpty()) {
            return Audience.ANY;
        }
        PathContainer path = (ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                : ServletRequestPathUtils.parse(request)).pathWithinApplication();
        if (matches(publicPaths, path)) {
            return Audience.PUBLIC;
        }
        return matches(tenantPaths, path) ? Audience.TENANT : Audience.ANY;
    }

    private static Audience declared(AnnotatedElement element) {
        boolean isPublic = AnnotatedElementUtils.hasAnnotation(element, PublicEndpoint.class);
        boolean isTenant = AnnotatedElementUtils.hasAnnotation(element, TenantEndpoint.class);
        if (isPublic && isTenant) {
            throw new IllegalStateException(element + " is annotated both @PublicEndpoint and @TenantEndpoint; "
                    + "keep the one for the hosts it should answer on.");
        }
        return isPublic ? Audience.PUBLIC : isTenant ? Audience.TENANT : Audience.ANY;
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
