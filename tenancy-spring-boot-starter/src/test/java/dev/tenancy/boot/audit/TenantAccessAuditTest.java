package dev.tenancy.boot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.autoconfigure.TenancyAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenancyMigrationAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenancyWebAutoConfiguration;
import dev.tenancy.boot.metrics.TenancyMetricsAutoConfiguration;
import dev.tenancy.boot.web.TenantFilter;
import dev.tenancy.boot.web.TenantRequestResolver;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Refused tenant access becomes security events: an application event each, a counter, a rate-limited WARN line. */
@ExtendWith({TestDatabaseExtension.class, OutputCaptureExtension.class})
class TenantAccessAuditTest {

    private static TestDatabase database;
    private final List<TenantAccessDeniedEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void fleet(TestDatabase testDatabase) throws SQLException {
        database = testDatabase;
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE public.tenants (id bigserial PRIMARY KEY, schema_name varchar(63) NOT NULL UNIQUE,
                        auto_create_schema boolean NOT NULL DEFAULT true, auto_drop_schema boolean NOT NULL DEFAULT
                        false, status varchar(20) NOT NULL DEFAULT 'PROVISIONING', name varchar(100));
                    CREATE TABLE public.domains (id bigserial PRIMARY KEY, domain varchar(253) NOT NULL UNIQUE,
                        tenant_id bigint NOT NULL REFERENCES public.tenants (id), is_primary boolean NOT NULL);
                    INSERT INTO public.tenants (schema_name, status) VALUES ('tenant_asleep', 'INACTIVE');
                    INSERT INTO public.domains (domain, tenant_id, is_primary)
                        SELECT 'asleep.example.com', id, true FROM public.tenants;
                    CREATE SCHEMA tenant_asleep;
                    """);
        }
    }

    private WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        TenancyAutoConfiguration.class, TenancyMigrationAutoConfiguration.class,
                        TenancyWebAutoConfiguration.class, TenancyAuditAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("recorder", ApplicationListener.class,
                        () -> (ApplicationListener<TenantAccessDeniedEvent>) events::add)
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                        "tenancy.migrations.on-startup=none", "tenancy.audit.log-lines-per-minute=2");
    }

    private static MockHttpServletRequest request(String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setServerName(host);
        request.addHeader("Authorization", "Bearer secret-token");
        return request;
    }

    @Test
    void refusedHostsAndInactiveTenantsAreSecurityEventsWithoutSecrets(CapturedOutput output) {
        runner().run(context -> {
            TenantRequestResolver resolver = context.getBean(TenantRequestResolver.class);
            resolver.resolve(request("asleep.example.com"));
            resolver.resolve(request("nobody.example.com"));

            assertThat(events).extracting(TenantAccessDeniedEvent::reason, TenantAccessDeniedEvent::host,
                    TenantAccessDeniedEvent::tenant).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(AccessDenial.TENANT_INACTIVE, "asleep.example.com",
                            "tenant_asleep"),
                    org.assertj.core.groups.Tuple.tuple(AccessDenial.UNKNOWN_HOST, "nobody.example.com", null));
            assertThat(output.getAll()).contains("tenant access denied: reason=TENANT_INACTIVE "
                    + "host=asleep.example.com tenant=tenant_asleep remote=127.0.0.1")
                    .contains("reason=UNKNOWN_HOST host=nobody.example.com tenant=-")
                    .doesNotContain("secret-token");
            assertThat(context.getBean(MeterRegistry.class).get("tenancy.security.events")
                    .tag("reason", "unknown_host").counter().count()).isEqualTo(1);
        });
    }

    @Test
    void aFloodIsLoggedOnlyUpToTheLimitWhileEveryEventIsPublishedAndCounted(CapturedOutput output) {
        runner().run(context -> {
            TenantRequestResolver resolver = context.getBean(TenantRequestResolver.class);
            for (int i = 0; i < 50; i++) {
                resolver.resolve(request("flood" + i + ".example.com"));
            }

            assertThat(events).hasSize(50);
            assertThat(output.getAll().lines().filter(line -> line.contains("tenant access denied"))).hasSize(2);
            assertThat(context.getBean(MeterRegistry.class).get("tenancy.security.events").counter().count())
                    .isEqualTo(50);
        });
    }

    @Test
    void withMetricsSwitchedOffEventsArePublishedButNotCounted() {
        runner().withPropertyValues("tenancy.metrics.enabled=false").run(context -> {
            context.getBean(TenantRequestResolver.class).resolve(request("nobody.example.com"));

            assertThat(events).hasSize(1);
            assertThat(context.getBean(MeterRegistry.class).find("tenancy.security.events").counter()).isNull();
        });
    }

    @Test
    void aCrossTenantSessionIsRecordedWithBothTenantsAndTheHostIsSanitised(CapturedOutput output) {
        runner().run(context -> {
            context.getBean(TenantAccessAuditor.class).crossTenant(request("beta.example.com\r\nFAKE LINE"),
                    "tenant_alpha", "tenant_beta");

            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.reason()).isEqualTo(AccessDenial.CROSS_TENANT_CREDENTIALS);
                assertThat(event.presentedTenant()).isEqualTo("tenant_alpha");
                assertThat(event.host()).isEqualTo("beta.example.com??FAKE?LINE");
            });
            assertThat(output.getAll()).contains("reason=CROSS_TENANT_CREDENTIALS host=beta.example.com??FAKE?LINE "
                    + "tenant=tenant_beta presented-tenant=tenant_alpha");
        });
    }

    @Test
    void aRequestWithTwoHostHeadersIsRefusedAuditedAndCountedAsAnInvalidAddress() {
        runner().withConfiguration(AutoConfigurations.of(TenancyMetricsAutoConfiguration.class)).run(context -> {
            @SuppressWarnings("unchecked")
            TenantFilter filter = ((FilterRegistrationBean<TenantFilter>) context.getBean("tenantFilter"))
                    .getFilter();
            MockHttpServletRequest request = request("nobody.example.com");
            request.addHeader("Host", "asleep.example.com");
            request.addHeader("Host", "nobody.example.com");
            MockHttpServletResponse response = new MockHttpServletResponse();

            filter.doFilter(request, response, new MockFilterChain());

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getContentAsString()).contains("more than one Host header");
            assertThat(events).extracting(TenantAccessDeniedEvent::reason).containsExactly(AccessDenial.INVALID_HOST);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("tenancy.security.events").tag("reason", "invalid_host").counter().count())
                    .isEqualTo(1);
            assertThat(meters.get("tenancy.resolution").tag("outcome", "invalid").timer().count()).isEqualTo(1);
        });
    }
}
