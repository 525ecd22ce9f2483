package dev.tenancy.sample.users;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords are hashed, for the web application and the commands alike. */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    /** BCrypt, with the algorithm recorded in each hash ({@code {bcrypt}...}) so it can change later. */
    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
