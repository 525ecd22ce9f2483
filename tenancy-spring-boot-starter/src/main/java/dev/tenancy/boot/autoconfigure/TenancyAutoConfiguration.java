package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.TenancyException;
import dev.tenancy.core.directory.DomainStore;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.directory.TenantTables;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.roles.TenantRoles;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Tenancy's core beans: the application's DataSource becomes a {@link TenantAwareDataSource} (so JPA, JdbcTemplate
 * and plain JDBC all follow the tenant context), plus the {@link TenantTables}, the {@link TenantDirectory} that
 * resolves hosts to tenants and the {@link DomainStore}. Every bean backs off when the application defines its own.
 *
 * <p>Runs after Spring Boot's DataSource auto-configuration and before Flyway's and Hibernate JPA's, so the entity
 * manager and any migration see the wrapped DataSource. {@code tenancy.enabled=false} switches it all off.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, beforeName = {
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(TenancyProperties.class)
public final class TenancyAutoConfiguration {

    @Bean
    static TenantDataSourcePostProcessor tenantDataSourcePostProcessor(ObjectProvider<TenancyProperties> properties,
            ObjectProvider<TenantRoles> tenantRoles) {
        return new TenantDataSourcePostProcessor(properties, tenantRoles);
    }

    @Bean
    @ConditionalOnMissingBean
    TenantTables tenantTables(TenancyProperties properties) {
        return TenantTables.of(properties.getTables().getTenant(), properties.getTables().getDomain());
    }

    @Bean
    @ConditionalOnMissingBean
    TenantDirectory tenantDirectory(DataSource dataSource, TenantTables tables, TenancyProperties properties) {
        TenancyProperties.Directory directory = properties.getDirectory();
        return TenantDirectory.builder(tenantAware(dataSource))
                .tables(tables)
                .timeToLive(directory.getTimeToLive())
                .missingTimeToLive(directory.getMissingTimeToLive())
                .maximumSize(directory.getMaximumSize())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    DomainStore domainStore(TenantTables tables) {
        return new DomainStore(tables);
    }

    /** The tenant-aware DataSource behind the application's DataSource bean. */
    static TenantAwareDataSource tenantAware(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(TenantAwareDataSource.class)) {
                return dataSource.unwrap(TenantAwareDataSource.class);
            }
        } catch (SQLException e) {
            throw new TenancyException("Could not unwrap the application's DataSource: " + e.getMessage(), e);
        }
        throw new TenancyException("The application's DataSource (" + dataSource + ") is not tenant-aware. Tenancy "
                + "wraps the only DataSource bean, or the @Primary one; mark the application's main DataSource "
                + "@Primary, or define a TenantAwareDataSource bean yourself.");
    }
}
