package dev.tenancy.boot.testapp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint is open, and browsers may sign in at {@code /login} (user "ann", password "secret") to get a
 * session: enough to test what Tenancy does to sessions without changing what the other tests see. The security
 * context repository is Tenancy's, installed by the starter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.successHandler((request, response, authentication) -> response.setStatus(204)))
                .build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager(User.withUsername("ann").password("{noop}secret").roles("USER").build());
    }
}
