package dev.tenancy.test.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Users live in each tenant's schema: the tenant filter has set the request's tenant before Spring Security runs,
 * so the JDBC lookup reads the users of the host's tenant. Notes are open; the account needs a login (form or Basic).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.requestMatchers("/account").authenticated()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/notes"))
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    @Bean
    UserDetailsService tenantUsers(JdbcTemplate jdbc) {
        return username -> jdbc.query("SELECT username, password FROM users WHERE username = ?",
                (row, index) -> User.withUsername(row.getString(1)).password(row.getString(2)).build(), username)
                .stream().findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("No such user in this tenant"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
