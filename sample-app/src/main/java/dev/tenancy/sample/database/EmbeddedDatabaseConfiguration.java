package dev.tenancy.sample.database;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the application on its own PostgreSQL 17 when no database is configured: with {@code spring.datasource.url}
 * (or {@code SPRING_DATASOURCE_URL}) set, this configuration is skipped and Spring Boot connects to that server as
 * usual. The server's connection details replace Spring Boot's, so the connection pool and everything built on it
 * (Tenancy's tenant-aware DataSource, migrations, JPA) work unchanged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
        return EmbeddedDatabase.startOrJoin(properties.dataDirectory(), properties.port());
    }
}
