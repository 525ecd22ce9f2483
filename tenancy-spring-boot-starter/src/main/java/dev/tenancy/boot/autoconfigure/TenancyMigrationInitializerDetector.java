package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

import java.util.Set;

/**
 * Tells Spring Boot that {@link TenancyMigrationInitializer} initialises the database, so that beans which depend on
 * database initialisation (entity manager factories, JDBC templates) are created after it. It comes first among
 * database initialisers: SQL scripts ({@code spring.sql.init}) may fill the shared tables it creates.
 */
final class TenancyMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(TenancyMigrationInitializer.class);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
