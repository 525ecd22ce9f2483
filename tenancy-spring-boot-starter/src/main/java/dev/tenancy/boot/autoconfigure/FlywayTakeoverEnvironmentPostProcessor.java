package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * While Tenancy is enabled, makes {@code spring.flyway.enabled} default to {@code false}: Tenancy migrates the shared
 * and tenant schemas itself, and Spring Boot's Flyway auto-migration would migrate one schema a second time with
 * every script, tenant ones included. The default sits below every other property source, so it is visible in the
 * environment; an explicit {@code spring.flyway.enabled=true} is refused at start-up with an explanation.
 */
final class FlywayTakeoverEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "tenancyFlywayTakeover";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("tenancy.enabled", Boolean.class, true)
                && !environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().addLast(
                    new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("spring.flyway.enabled", "false")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
