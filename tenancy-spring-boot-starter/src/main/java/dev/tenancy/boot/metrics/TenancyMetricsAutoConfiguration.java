package dev.tenancy.boot.metrics;

import dev.tenancy.boot.autoconfigure.TenancyAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenantMigratorCustomizer;
import dev.tenancy.boot.web.TenantRequestResolver;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.jdbc.TenantAwareDataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * Tenancy's Micrometer metrics, when Micrometer is on the class path (off with {@code tenancy.metrics.enabled=false}):
 * timers {@code tenancy.resolution}, {@code tenancy.provisioning} and {@code tenancy.migration.schema}, the counters
 * {@code tenancy.search.path.sets} and {@code tenancy.directory.lookups}, and the tenant as a high-cardinality key on
 * every observation. Listens through the existing seams (a decorator around the {@link TenantRequestResolver} bean, a
 * provisioning listener, a migration listener, the data source's and the directory's own counters); nothing is added
 * to the request's hot path beyond one timer record.
 */
@AutoConfiguration(after = TenancyAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "tenancy.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenancy.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenancyMetricsProperties.class)
public final class TenancyMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    static TenancyMeters tenancyMeters(ObjectProvider<MeterRegistry> registries,
            ObjectProvider<TenancyMetricsProperties> properties) {
        TenancyMetricsProperties settings = properties.getIfAvailable(TenancyMetricsProperties::new);
        return new TenancyMeters(registries, settings.isTenantTag());
    }

    /** Wraps the application's tenant resolver so that each resolution is timed. */
    @Bean
    static BeanPostProcessor tenancyResolutionMetrics(ObjectProvider<TenancyMeters> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TenantRequestResolver resolver
                        && !(bean instanceof MeteredTenantRequestResolver)) {
                    return new MeteredTenantRequestResolver(resolver, meters.getObject());
                }
                return bean;
            }
        };
    }

    @Bean
    ProvisioningMetrics tenancyProvisioningMetrics(TenancyMeters meters) {
        return new ProvisioningMetrics(meters);
    }

    @Bean
    TenantMigratorCustomizer tenancyMigrationMetrics(TenancyMeters meters) {
        MigrationMetrics metrics = new MigrationMetrics(meters);
        return builder -> builder.listener(metrics);
    }

    /** How often a connection's search path was set (once per checkout whose tenant differs from the last). */
    @Bean
    MeterBinder tenancySearchPathMetrics(ObjectProvider<DataSource> dataSources) {
        return registry -> dataSources.orderedStream().map(TenancyMetricsAutoConfiguration::tenantAware)
                .filter(Objects::nonNull).findFirst().ifPresent(tenantAware -> FunctionCounter
                        .builder(TenancyMeters.SEARCH_PATH_SETS, tenantAware, TenantAwareDataSource::searchPathChanges)
                        .description("Search-path settings on connections handed out for a tenant or for public")
                        .register(registry));
    }

    /** The tenant directory's cache: lookups it answered ({@code result=hit}) and those that read the database. */
    @Bean
    MeterBinder tenancyDirectoryMetrics(ObjectProvider<TenantDirectory> directories) {
        return registry -> directories.ifAvailable(directory -> {
            FunctionCounter.builder(TenancyMeters.DIRECTORY_LOOKUPS, directory, TenantDirectory::cacheHits)
                    .tag("result", "hit").description("Host lookups the tenant directory answered from its cache")
                    .register(registry);
            FunctionCounter.builder(TenancyMeters.DIRECTORY_LOOKUPS, directory, TenantDirectory::databaseLookups)
                    .tag("result", "miss").description("Host lookups the tenant directory read from the database")
                    .register(registry);
        });
    }

    private static TenantAwareDataSource tenantAware(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(TenantAwareDataSource.class)
                    ? dataSource.unwrap(TenantAwareDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** The tenant on every observation, when Micrometer's observation API is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.micrometer.observation.ObservationFilter",
        "org.springframework.http.server.observation.ServerRequestObservationContext"})
    static class Observations {

        @Bean
        @ConditionalOnMissingBean(TenantObservationFilter.class)
        ObservationFilter tenancyObservationFilter() {
            return new TenantObservationFilter();
        }
    }
}
