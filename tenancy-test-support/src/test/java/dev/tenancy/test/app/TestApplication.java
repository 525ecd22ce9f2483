package dev.tenancy.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small multi-tenant application for the extension's Spring tests: tenants and domains in public, notes,
 * categories and users in each tenant's schema, form login and HTTP Basic for the tenant's users.
 */
@SpringBootApplication
public class TestApplication {
}
