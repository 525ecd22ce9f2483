package dev.tenancy.sample.security;

import dev.tenancy.boot.audit.TenantAccessAuditor;
import dev.tenancy.boot.security.TenantBoundSecurityContextRepository;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication and authorisation. Tenancy's filter runs first, so everything here happens in the request's schema:
 * users sign in against the users of the host they call.
 * <ul>
 *   <li>API clients send HTTP Basic credentials with every request; such requests need no CSRF token and create no
 *       session. Or they sign in once at {@code POST /api/login} ({@link ApiLoginController}) and send its session
 *       cookie, and the CSRF token it answered with for requests that change something.</li>
 *   <li>Browsers sign in at {@code /login} and get a session, bound to the host it was made on (the starter's
 *       tenant-bound sessions, installed in every {@code HttpSecurity}); state-changing requests with a session need
 *       its CSRF token.</li>
 *   <li>Who may call what is in {@link ApiAccessRules}; every other endpoint needs a signed-in user.</li>
 * </ul>
 * Commands run without a web server, and without this configuration.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * Where signed-in users' security contexts are kept: for the request (so that its async and error dispatches
     * are signed in too, HTTP Basic ones included) and in the HTTP session. Shared with the admin site's own filter
     * chain and with {@code POST /api/login}. It is bound to the tenant each sign-in was made for (the starter's
     * {@link TenantBoundSecurityContextRepository}, declared here so that the API's own sign-in saves through it too;
     * the starter sees it is bound and does not wrap it again). A session presented on another site than its own is
     * reported to the starter's {@link TenantAccessAuditor} as cross-tenant credentials.
     */
    @Bean
    SecurityContextRepository securityContextRepository(ObjectProvider<TenantAccessAuditor> auditor) {
        return new TenantBoundSecurityContextRepository(new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()),
                auditor.getIfAvailable());
    }

    /** Where sessions' CSRF tokens are kept; {@code POST /api/login} hands a new one out with each session. */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json,
            SecurityContextRepository securityContexts, CsrfTokenRepository csrfTokens) {
        JsonSecurityErrors errors = new JsonSecurityErrors(json);
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/error").permitAll();
            requests.requestMatchers(HttpMethod.POST, "/api/login").permitAll();
            ApiAccessRules.apply(requests);
            requests.anyRequest().authenticated();
        });
        http.httpBasic(basic -> basic.authenticationEntryPoint(errors));
        http.formLogin(form -> form.defaultSuccessUrl("/api/me", true).permitAll());
        http.securityContext(context -> context.securityContextRepository(securityContexts));
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                .ignoringRequestMatchers(SecurityConfiguration::cannotBeForged));
        http.requestCache(cache -> cache.disable());
        http.exceptionHandling(handling -> handling
                .defaultAuthenticationEntryPointFor(errors, AnyRequestMatcher.INSTANCE)
                .accessDeniedHandler(errors));
        return http.build();
    }

    /**
     * Whether a request cannot come from another site riding on the user's session: it carries HTTP Basic
     * credentials (browsers asking for pages are never challenged for them, see {@link JsonSecurityErrors}, so they
     * do not add them on their own), or it is an API call without a valid session (so it can only be anonymous, and
     * is refused with 401 where a user is needed).
     */
    private static boolean cannotBeForged(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        boolean apiWithoutSession = request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && !request.isRequestedSessionIdValid();
        return basic || apiWithoutSession;
    }
}
