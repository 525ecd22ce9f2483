package dev.tenancy.sample.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication and authorisation. Tenancy's filter runs first, so everything here happens in the request's schema:
 * users sign in against the users of the host they call.
 * <ul>
 *   <li>API clients send HTTP Basic credentials with every request; such requests need no CSRF token and create no
 *       session.</li>
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
     * Where signed-in users' security contexts are kept (the HTTP session); shared with the admin site's own filter
     * chain. The starter binds it to the tenant each sign-in was made for, in every chain.
     */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json,
            SecurityContextRepository securityContexts) {
        JsonSecurityErrors errors = new JsonSecurityErrors(json);
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/error").permitAll();
            ApiAccessRules.apply(requests);
            requests.anyRequest().authenticated();
        });
        http.httpBasic(basic -> basic.authenticationEntryPoint(errors));
        http.formLogin(form -> form.defaultSuccessUrl("/api/me", true).permitAll());
        http.securityContext(context -> context.securityContextRepository(securityContexts));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::cannotBeForged));
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
