package dev.tenancy.boot.testapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small multi-tenant application built only on the starter: tenants and domains in public, notes in each tenant's
 * schema, plans shared by all. Its migrations are in {@code db/migration/shared} and {@code db/migration/tenant}.
 */
@SpringBootApplication
public class TestApplication {

    public static void main(String[] args) {
        SpringApplication.run(TestApplication.class, args);
    }
}
