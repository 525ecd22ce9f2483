package dev.tenancy.sample.security;

import dev.tenancy.boot.web.TenantFilter;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.List;

/**
 * Who may call which API endpoint, and on which kind of host; the one place that says so, used both to authorise
 * requests and to tell a refused user why. Every rule needs a signed-in user of the request's host (anonymous callers
 * get 401). A signed-in user calling an endpoint not served on this kind of host, or lacking the role, gets 403.
 */
final class ApiAccessRules {

    /** The kinds of host. */
    enum Site {
        /** The platform's own host (localhost), served in the public schema. */
        PLATFORM("This endpoint is served on the platform host only (e.g. localhost), not on tenant hosts."),
        /** A tenant's host (acme.localhost). */
        TENANT("This endpoint is served on tenant hosts only (e.g. acme.localhost), not on the platform host.");

        private final String elsewhere;

        Site(String elsewhere) {
            this.elsewhere = elsewhere;
        }

        boolean matches(HttpServletRequest request) {
            return TenantFilter.tenantOf(request).isPresent() == (this == TENANT);
        }

        AuthorizationManager<RequestAuthorizationContext> manager() {
            return (authentication, context) -> new AuthorizationDecision(matches(context.getRequest()));
        }
    }

    private record Rule(PathPatternRequestMatcher matcher, Site site,
            AuthorizationManager<RequestAuthorizationContext> permission, String refusal) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(PathPatternRequestMatcher.pathPattern("/api/admin/**"), Site.PLATFORM,
                    AuthorityAuthorizationManager.hasRole("SUPER_SUPER_ADMIN"),
                    "Only a super super admin can manage tenants."),
            new Rule(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/users/**"), Site.TENANT,
                    AuthorityAuthorizationManager.hasAuthority(AccountPrincipal.CREATE_USERS),
                    "Only this tenant's super admin can create users."),
            new Rule(PathPatternRequestMatcher.pathPattern("/api/users/**"), Site.TENANT,
                    AuthorityAuthorizationManager.hasRole("TENANT_SUPER_ADMIN"),
                    "Only this tenant's super admin can see its users."),
            new Rule(PathPatternRequestMatcher.pathPattern("/api/notes/**"), Site.TENANT,
                    AuthenticatedAuthorizationManager.authenticated(), "Only this tenant's users can use its notes."));

    private ApiAccessRules() {
    }

    /** Adds the rules to Spring Security's request authorisation. */
    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (Rule rule : RULES) {
            requests.requestMatchers(rule.matcher()).access(AuthorizationManagers.allOf(rule.site().manager(),
                    rule.permission()));
        }
    }

    /** Why a signed-in user was refused {@code request}. */
    static String refusal(HttpServletRequest request) {
        for (Rule rule : RULES) {
            if (rule.matcher().matches(request)) {
                return rule.site().matches(request) ? rule.refusal() : rule.site().elsewhere;
            }
        }
        return "You are not allowed to do this.";
    }
}
