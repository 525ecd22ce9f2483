package dev.tenancy.benchmarks.app.peers;

import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.context.spi.TenantSchemaMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The peer "Hibernate 7's own schema multi-tenancy" ({@code harness.hibernate-schema-mapper=true}, with Tenancy off):
 * {@code hibernate.tenant_identifier_resolver} answers the current request's tenant schema ({@link HostSchemas}) and
 * {@code hibernate.multi_tenant.schema_mapper} maps it to itself. Hibernate then, on every connection a session
 * acquires, reads the connection's schema ({@code Connection.getSchema()}) and sets the tenant's
 * ({@code Connection.setSchema}), and sets the first one back when it releases the connection; pgjdbc sends each as a
 * statement of its own. Outside a request the tenant is {@code public}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("harness.hibernate-schema-mapper")
class HibernateSchemaMapperConfiguration {

    @Bean
    HibernatePropertiesCustomizer schemaPerTenant(DataSource dataSource) {
        HostSchemas schemas = new HostSchemas(dataSource);
        CurrentTenantIdentifierResolver<String> tenant = new CurrentTenantIdentifierResolver<>() {
            @Override
            public String resolveCurrentTenantIdentifier() {
                String schema = schemas.current();
                return schema == null ? "public" : schema;
            }

            @Override
            public boolean validateExistingCurrentSessions() {
                return false;
            }
        };
        TenantSchemaMapper<String> sameName = schema -> schema;
        return properties -> {
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, tenant);
            properties.put(MultiTenancySettings.MULTI_TENANT_SCHEMA_MAPPER, sameName);
        };
    }
}
