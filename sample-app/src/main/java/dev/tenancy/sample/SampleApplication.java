package dev.tenancy.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The requirements document's application: a platform whose super super admins create tenants (each with its own
 * PostgreSQL schema and sub-domain), whose tenant super admins create their tenant's users, and whose users only
 * ever see their own tenant. Built only on Tenancy's starter.
 *
 * <p>{@code java -jar sample-app.jar} serves on port 8000; {@code java -jar sample-app.jar <command> [--options]}
 * runs a command (e.g. {@code register-tenant}) and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
