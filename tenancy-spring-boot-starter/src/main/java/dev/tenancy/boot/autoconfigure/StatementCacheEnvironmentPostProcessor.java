package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * While Tenancy labels statements ({@code tenancy.schemas.label-statements}, on by default), sizes pgjdbc's statement
 * cache of the HikariCP pool Spring Boot builds: {@code preparedStatementCacheQueries} from
 * {@code tenancy.schemas.statement-cache-queries} (default 2048, pgjdbc's own is 256) and
 * {@code preparedStatementCacheSizeMiB} from {@code tenancy.schemas.statement-cache-size-mib} (default 32, pgjdbc's
 * is 5). A label makes one statement text per statement and tenant, so a connection serving 100 tenants a page of six
 * statements needs 600 entries; with pgjdbc's 256 each statement fell out of the cache before it came round again
 * and was parsed and planned anew every time (issue 18: the realistic page served 0.50 of the untenanted
 * application's throughput, 0.85 with this cache). The values are defaults below every other property source: a
 * {@code spring.datasource.hikari.data-source-properties.*} setting of the application, or the JDBC URL's parameter,
 * wins; {@code 0} leaves pgjdbc's default. The price is memory: each cached statement that PostgreSQL prepared keeps
 * its plan in the backend (see BENCHMARKS.md).
 */
final class StatementCacheEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "tenancyStatementCache";
    static final String DRIVER_PROPERTIES = "spring.datasource.hikari.data-source-properties.";
    static final int DEFAULT_QUERIES = 2048;
    static final int DEFAULT_SIZE_MIB = 32;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        boolean tenancy = binder.bind("tenancy.enabled", Boolean.class).orElse(true);
        boolean labels = binder.bind("tenancy.schemas.label-statements", Boolean.class).orElse(true);
        if (!tenancy || !labels || environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        int queries = binder.bind("tenancy.schemas.statement-cache-queries", Integer.class).orElse(DEFAULT_QUERIES);
        int sizeMib = binder.bind("tenancy.schemas.statement-cache-size-mib", Integer.class).orElse(DEFAULT_SIZE_MIB);
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (queries > 0) {
            defaults.put(DRIVER_PROPERTIES + "preparedStatementCacheQueries", Integer.toString(queries));
        }
        if (sizeMib > 0) {
            defaults.put(DRIVER_PROPERTIES + "preparedStatementCacheSizeMiB", Integer.toString(sizeMib));
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
