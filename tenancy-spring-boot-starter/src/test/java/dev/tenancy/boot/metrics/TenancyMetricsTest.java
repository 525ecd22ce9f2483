package dev.tenancy.boot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.boot.autoconfigure.TenancyAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenancyMigrationAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenancyProvisioningAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenancyWebAutoConfiguration;
import dev.tenancy.boot.web.TenantRequestResolver;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

/** Tenancy's meters on a database of its own, with a simple registry standing in for the application's. */
@ExtendWith(TestDatabaseExtension.class)
class TenancyMetricsTest {

    private static TestDatabase database;

    @BeforeAll
    static void setUp(TestDatabase testDatabase) {
        database = testDatabase;
    }

    private static WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        TenancyAutoConfiguration.class, TenancyMigrationAutoConfiguration.class,
                        TenancyProvisioningAutoConfiguration.class, TenancyWebAutoConfiguration.class,
                        TenancyMetricsAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                        "tenancy.domain-suffix=example.com");
    }

    private static MockHttpServletRequest request(String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setServerName(host);
        return request;
    }

    @Test
    void resolutionsProvisioningMigrationsAndSearchPathSetsAreMeasuredWithoutATenantTag() throws Exception {
        runner().run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(TenantProvisioner.class).create(TenantRequest.subdomain("metered").value("name", "M"));
            TenantRequestResolver resolver = context.getBean(TenantRequestResolver.class);
            resolver.resolve(request("metered.example.com"));
            resolver.resolve(request("metered.example.com"));
            resolver.resolve(request("nobody.example.com"));
            resolver.resolve(request("bad_host!"));
            context.getBean(TenantMigrator.class).migrateTenants();
            context.getBean("tenancySearchPathMetrics", MeterBinder.class).bindTo(registry);
            context.getBean("tenancyDirectoryMetrics", MeterBinder.class).bindTo(registry);
            try (var connection = Tenants.call(SchemaName.of("tenant_metered"),
                    () -> context.getBean(DataSource.class).getConnection())) {
                assertThat(connection.isValid(1)).isTrue();
            }

            assertThat(registry.get("tenancy.resolution").tag("outcome", "tenant").timer().count()).isEqualTo(2);
            assertThat(registry.get("tenancy.resolution").tag("outcome", "unknown").timer().count()).isEqualTo(1);
            assertThat(registry.get("tenancy.resolution").tag("outcome", "invalid").timer().count()).isEqualTo(1);
            assertThat(registry.get("tenancy.provisioning").tag("outcome", "created").tag("mode", "template")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.get("tenancy.directory.lookups").tag("result", "miss").functionCounter().count())
                    .isEqualTo(2);
            assertThat(registry.get("tenancy.directory.lookups").tag("result", "hit").functionCounter().count())
                    .isEqualTo(1);
            assertThat(registry.get("tenancy.migration.schema").tag("kind", "shared").timers()).isNotEmpty();
            assertThat(registry.get("tenancy.search.path.sets").functionCounter().count()).isPositive();
            assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTag("tenant")).isNull());
        });
    }

    @Test
    void provisioningIsTimedByModeAndOutcome() {
        runner().run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            TenantProvisioner provisioner = context.getBean(TenantProvisioner.class);
            provisioner.create(TenantRequest.subdomain("original").value("name", "O"));
            provisioner.cloneTenant(SchemaName.of("tenant_original"), TenantRequest.subdomain("copied")
                    .value("name", "C"), true);
            assertThatThrownBy(() -> provisioner.create(TenantRequest.subdomain("failing").value("name", "F")
                    .setUp(tenant -> {
                        throw new IllegalStateException("the application's set-up failed");
                    }))).isInstanceOf(TenancyException.class);

            assertThat(registry.get("tenancy.provisioning").tag("mode", "clone").tag("outcome", "created").timer()
                    .count()).isEqualTo(1);
            assertThat(registry.get("tenancy.provisioning").tag("mode", "template").tag("outcome", "failed")
                    .timer().count()).isEqualTo(1);
        });
    }

    @Test
    void theTenantTagIsAnOptIn() {
        runner().withPropertyValues("tenancy.metrics.tenant-tag=true").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(TenantProvisioner.class).create(TenantRequest.subdomain("tagged").value("name", "T"));
            context.getBean(TenantRequestResolver.class).resolve(request("tagged.example.com"));

            assertThat(registry.get("tenancy.resolution").tag("tenant", "tenant_tagged").timer().count())
                    .isEqualTo(1);
            assertThat(registry.get("tenancy.provisioning").tag("tenant", "tenant_tagged").timer().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void observationsCarryTheTenantAsAHighCardinalityKey() {
        runner().run(context -> {
            ObservationFilter filter = context.getBean(ObservationFilter.class);
            Observation.Context inTenant = Tenants.call(SchemaName.of("tenant_traced"),
                    () -> filter.map(new Observation.Context()));
            Observation.Context inPublic = filter.map(new Observation.Context());

            assertThat(inTenant.getHighCardinalityKeyValue("tenancy.tenant").getValue()).isEqualTo("tenant_traced");
            assertThat(inPublic.getHighCardinalityKeyValue("tenancy.tenant")).isNull();
        });
    }

    @Test
    void anHttpServerObservationCarriesTheRequestsTenantAsAHighCardinalityKeyOnly() {
        runner().run(context -> {
            context.getBean(TenantProvisioner.class).create(TenantRequest.subdomain("observed").value("name", "O"));
            List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
            ObservationRegistry observations = ObservationRegistry.create();
            observations.observationConfig().observationFilter(context.getBean(ObservationFilter.class))
                    .observationHandler(new ObservationHandler<>() {
                        @Override
                        public void onStop(Observation.Context stoppedContext) {
                            stopped.add(stoppedContext);
                        }

                        @Override
                        public boolean supportsContext(Observation.Context candidate) {
                            return true;
                        }
                    });
            Filter tenantFilter = context.getBean("tenantFilter", FilterRegistrationBean.class).getFilter();
            for (String host : List.of("observed.example.com", "localhost")) {
                MockHttpServletRequest request = request(host);
                new MockFilterChain(new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest served, HttpServletResponse response) {
                        response.setStatus(204);
                    }
                }, new ServerHttpObservationFilter(observations),
                        tenantFilter).doFilter(request, new MockHttpServletResponse());
            }

            assertThat(stopped).hasSize(2).allSatisfy(observation -> {
                assertThat(observation).isInstanceOf(ServerRequestObservationContext.class);
                assertThat(observation.getLowCardinalityKeyValues()).noneMatch(key -> key.getValue()
                        .contains("observed"));
            });
            assertThat(stopped.get(0).getHighCardinalityKeyValue("tenancy.tenant").getValue())
                    .isEqualTo("tenant_observed");
            assertThat(stopped.get(1).getHighCardinalityKeyValue("tenancy.tenant")).isNull();
        });
    }

    @Test
    void withoutMicrometerNothingIsMeasured() {
        runner().withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(TenancyMeters.class);
            assertThat(context.getBean(TenantRequestResolver.class))
                    .isNotInstanceOf(MeteredTenantRequestResolver.class);
        });
    }
}
