package dev.tenancy.boot.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.boot.ratelimit.TenantRateLimits.Limit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-tenant rate limits on the test application: every tenant may make 3 requests an hour, except beta, whose
 * {@link TenantRateLimits} bean gives it 50; refusals are counted in a Micrometer registry. The buckets live as long
 * as the cached context, so each test holds whatever order the tests run in.
 */
@TestAppTest
@TestPropertySource(properties = {"tenancy.rate-limit.enabled=true", "tenancy.rate-limit.requests=3",
        "tenancy.rate-limit.per=1h"})
@Import(TenantRateLimitTest.PlanLimits.class)
class TenantRateLimitTest {

    private static final long BETA_TENANT_LIMIT = 50;

    @TestConfiguration(proxyBeanMethods = false)
    static class PlanLimits {

        @Bean
        TenantRateLimits tenantRateLimits() {
            return tenant -> tenant.schema().value().equals("tenant_beta")
                    ? Optional.of(new Limit(BETA_TENANT_LIMIT, Duration.ofHours(1)))
                    : Optional.empty();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aTenantBeyondItsLimitIsRefusedWhileAnotherTenantIsStillServed() throws Exception {
        double refusedBefore = refusals();
        MockHttpServletResponse refusal = floodUntilRefused("alpha.example.com", 4);

        assertThat(refusal.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refusal.getHeader(HttpHeaders.RETRY_AFTER))).isPositive();
        assertThat(refusal.getContentAsString()).isEqualTo("{\"error\":\"Too many requests for this tenant. "
                + "Retry after " + refusal.getHeader(HttpHeaders.RETRY_AFTER) + " seconds.\"}");
        mvc.perform(get("/notes").header("Host", "beta.example.com"))
                .andExpect(status().isOk())
                .andExpect(content().json("[\"beta note\"]"));
        assertThat(refusals()).isEqualTo(refusedBefore + 1);
    }

    @Test
    void aBrowserBeyondTheLimitGetsAnHtmlPageWithRetryAfter() throws Exception {
        floodUntilRefused("alpha.example.com", 4);
        MockHttpServletResponse refusal = mvc.perform(get("/notes").header("Host", "alpha.example.com")
                .header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")).andReturn().getResponse();

        assertThat(refusal.getStatus()).isEqualTo(429);
        assertThat(refusal.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(refusal.getHeader(HttpHeaders.VARY)).isEqualTo(HttpHeaders.ACCEPT);
        String seconds = refusal.getHeader(HttpHeaders.RETRY_AFTER);
        assertThat(Long.parseLong(seconds)).isPositive();
        assertThat(refusal.getContentAsString()).startsWith("<!DOCTYPE html>")
                .contains("<h1>429 Too Many Requests</h1>")
                .contains("<p>Too many requests for this tenant. Retry after " + seconds + " seconds.</p>");
    }

    @Test
    void aTenantsOwnLimitFromTheBeanReplacesTheGlobalOne() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/notes").header("Host", "beta.example.com")).andExpect(status().isOk());
        }
    }

    @Test
    void publicRequestsAreNeverLimited() throws Exception {
        floodUntilRefused("alpha.example.com", 4);
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/plans").header("Host", "localhost")).andExpect(status().isOk());
        }
    }

    private double refusals() {
        Counter counter = meters.find(MeteredRateLimitRefusals.REFUSALS).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Sends requests as the tenant at {@code host} until one is refused, failing after {@code atMost} requests. */
    private MockHttpServletResponse floodUntilRefused(String host, int atMost) throws Exception {
        for (int i = 0; i < atMost; i++) {
            MockHttpServletResponse response = mvc.perform(get("/notes").header("Host", host)).andReturn()
                    .getResponse();
            if (response.getStatus() != 200) {
                return response;
            }
        }
        throw new AssertionError(host + " was served " + atMost + " requests, beyond its limit of 3 an hour");
    }
}
