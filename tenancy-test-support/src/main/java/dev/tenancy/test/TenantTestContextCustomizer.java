package dev.tenancy.test;

import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Prepares the application context of {@link TenantTest} classes: registers its {@link SpringTenants} and, unless
 * {@link TenantTest#testDatabase()} is false, points {@code spring.datasource.*} at a new database on the test
 * PostgreSQL server, ahead of every other property source, and keeps Boot's test slices from replacing it
 * ({@code spring.test.database.replace=none}). Spring caches one context per distinct configuration
 * (this customizer is part of it), so each distinct configuration gets one database, dropped when its context
 * closes; test classes with the same configuration share the context and the database.
 */
final class TenantTestContextCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE = "tenancyTestDatabase";

    private final boolean testDatabase;

    TenantTestContextCustomizer(boolean testDatabase) {
        this.testDatabase = testDatabase;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        TestDatabase database = testDatabase
                ? TestPostgres.server().createDatabase(configuration.getTestClass().getSimpleName()) : null;
        if (database != null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password() == null ? "" : database.password());
            // Boot's test slices (@DataJpaTest, @JdbcTest) would replace it with an embedded database otherwise.
            properties.put("spring.test.database.replace", "none");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        }
        SpringTenants tenants = new SpringTenants(context, database);
        context.getBeanFactory().registerSingleton(SpringTenants.BEAN_NAME, tenants);
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            // Registered before every other bean, so destroyed after all of them, the DataSource included.
            registry.registerDisposableBean(SpringTenants.BEAN_NAME + ".database", tenants::dropDatabase);
        }
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                tenants.contextClosing();
            }
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantTestContextCustomizer that && testDatabase == that.testDatabase;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(testDatabase);
    }
}
