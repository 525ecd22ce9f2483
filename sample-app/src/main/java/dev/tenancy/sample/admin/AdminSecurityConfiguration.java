package dev.tenancy.sample.admin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Sign-in and access rules of the admin site ({@code /admin/**}), a filter chain of its own before the API's. Pages
 * sign in with a form and a session kept in the application's {@link SecurityContextRepository}, which the starter
 * binds to the tenant (host) it was made on; every form carries the session's CSRF token. The platform pages need a super
 * super admin on the platform host, the users pages a tenant super admin on their own tenant's host; a signed-in user
 * without those rights is shown a page saying so ({@code /admin/denied}). Users are looked up in the host's own
 * schema, so the super super admin and other tenants' admins are simply unknown on a tenant's host.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AdminSecurityConfiguration {

    static final String LOGIN = "/admin/login";

    @Bean
    @Order(1)
    SecurityFilterChain adminFilterChain(HttpSecurity http, SecurityContextRepository securityContexts) {
        http.securityMatcher("/admin/**");
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(LOGIN, "/admin/admin.css").permitAll()
                .requestMatchers("/admin/tenants/**", "/admin/domains/**", "/admin/audit/**")
                .access(AuthorizationManagers.allOf(AdminSite.PLATFORM.manager(),
                        AuthorityAuthorizationManager.hasRole("SUPER_SUPER_ADMIN")))
                .requestMatchers("/admin/users/**")
                .access(AuthorizationManagers.allOf(AdminSite.TENANT.manager(),
                        AuthorityAuthorizationManager.hasRole("TENANT_SUPER_ADMIN")))
                .anyRequest().authenticated());
        http.formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/admin/", true)
                .failureUrl(LOGIN + "?error"));
        http.logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl(LOGIN + "?signedOut"));
        http.securityContext(context -> context.securityContextRepository(securityContexts));
        http.requestCache(cache -> cache.disable());
        http.exceptionHandling(handling -> handling.accessDeniedPage("/admin/denied"));
        return http.build();
    }
}
