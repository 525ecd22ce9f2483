package dev.tenancy.benchmarks.app.peers;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The peer "Apartment-style pool per tenant" ({@code harness.apartment.enabled=true}, with Tenancy off): the
 * application's pool is replaced by {@link TenantPools}, with a global budget of {@code harness.apartment.budget}
 * connections (default 10, the size of the one pool the other variants use) in tenant pools of
 * {@code harness.apartment.pool-size} (default 2).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("harness.apartment.enabled")
class ApartmentConfiguration {

    @Bean
    static BeanPostProcessor poolPerTenant(Environment environment) {
        int budget = environment.getProperty("harness.apartment.budget", Integer.class, 10);
        int poolSize = environment.getProperty("harness.apartment.pool-size", Integer.class, 2);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof HikariDataSource pool ? new TenantPools(pool, budget, poolSize) : bean;
            }
        };
    }
}
