package dev.tenancy.boot.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.autoconfigure.TenancyAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenancyMigrationAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenancyProvisioningAutoConfiguration;
import dev.tenancy.boot.autoconfigure.TenancyWebAutoConfiguration;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code tenancy.rate-limit.store=postgresql}: two application instances (two contexts, each with its own pool) on one
 * database share each tenant's budget, so a tenant gets its limit once, not once per instance; another tenant is
 * still served on both, also while the first floods them from several threads (its requests queue on its own row
 * only).
 */
@ExtendWith(TestDatabaseExtension.class)
class SharedRateLimitTest {

    private static final int LIMIT = 5;

    private static TestDatabase database;

    @BeforeAll
    static void setUp(TestDatabase testDatabase) {
        database = testDatabase;
    }

    private static WebApplicationContextRunner instance() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        TenancyAutoConfiguration.class, TenancyMigrationAutoConfiguration.class,
                        TenancyProvisioningAutoConfiguration.class, TenancyWebAutoConfiguration.class,
                        TenancyRateLimitAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                        "tenancy.domain-suffix=example.com", "tenancy.rate-limit.enabled=true",
                        "tenancy.rate-limit.store=postgresql", "tenancy.rate-limit.requests=" + LIMIT,
                        "tenancy.rate-limit.per=1h");
    }

    @Test
    void twoInstancesShareOneTenantsBudgetAndServeAnotherTenantMeanwhile() {
        instance().run(one -> instance().run(two -> {
            TenantProvisioner provisioner = one.getBean(TenantProvisioner.class);
            provisioner.create(TenantRequest.subdomain("flooding").value("name", "F"));
            provisioner.create(TenantRequest.subdomain("quiet").value("name", "Q"));

            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 2 * LIMIT; i++) {
                statuses.add(send(i % 2 == 0 ? one : two, "flooding.example.com").getStatus());
            }

            assertThat(statuses.stream().filter(status -> status == 204)).hasSize(LIMIT);
            assertThat(statuses.subList(LIMIT, 2 * LIMIT)).containsOnly(429);
            MockHttpServletResponse refused = send(two, "flooding.example.com");
            assertThat(Long.parseLong(refused.getHeader(HttpHeaders.RETRY_AFTER))).isPositive();
            assertThat(send(one, "quiet.example.com").getStatus()).isEqualTo(204);
            assertThat(send(two, "quiet.example.com").getStatus()).isEqualTo(204);
            assertThat(bucketRows()).isEqualTo(2);
        }));
    }

    @Test
    void whileOneTenantFloodsBothInstancesAnotherTenantIsServed() {
        instance().run(one -> instance().run(two -> {
            TenantProvisioner provisioner = one.getBean(TenantProvisioner.class);
            provisioner.create(TenantRequest.subdomain("loud").value("name", "L"));
            provisioner.create(TenantRequest.subdomain("calm").value("name", "C"));
            ExecutorService flood = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> flooded = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    ApplicationContext instance = i % 2 == 0 ? one : two;
                    flooded.add(flood.submit(() -> send(instance, "loud.example.com").getStatus()));
                }
                List<Integer> calm = new ArrayList<>();
                for (int i = 0; i < LIMIT; i++) {
                    calm.add(send(i % 2 == 0 ? one : two, "calm.example.com").getStatus());
                }
                List<Integer> loud = new ArrayList<>();
                for (Future<Integer> status : flooded) {
                    loud.add(status.get());
                }

                assertThat(calm).containsOnly(204);
                assertThat(loud.stream().filter(status -> status == 204)).hasSize(LIMIT);
                assertThat(loud.stream().filter(status -> status == 429)).hasSize(200 - LIMIT);
            } finally {
                flood.shutdownNow();
            }
        }));
    }

    private static MockHttpServletResponse send(ApplicationContext instance, String host) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setServerName(host);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new MockFilterChain(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest served, HttpServletResponse answer) {
                answer.setStatus(204);
            }
        }, filter(instance, "tenantFilter"), filter(instance, "tenantRateLimitFilter")).doFilter(request, response);
        return response;
    }

    private static Filter filter(ApplicationContext instance, String name) {
        return instance.getBean(name, FilterRegistrationBean.class).getFilter();
    }

    /** The bucket rows of the first test's two tenants: one each, shared by both instances. */
    private static int bucketRows() throws Exception {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM public.tenancy_rate_limit_buckets b"
                     + " JOIN public.tenants t ON b.id LIKE t.id || '/%'"
                     + " WHERE t.schema_name IN ('tenant_flooding', 'tenant_quiet')")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
