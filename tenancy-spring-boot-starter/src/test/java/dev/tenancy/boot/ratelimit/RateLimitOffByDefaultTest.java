package dev.tenancy.boot.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Without {@code tenancy.rate-limit.enabled}, no tenant's requests are limited (the shared default context). */
@TestAppTest
class RateLimitOffByDefaultTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void tenantsAreNotRateLimitedUnlessEnabled() throws Exception {
        assertThat(context.getBeanNamesForType(TenancyRateLimitProperties.class)).isEmpty();
        for (int i = 0; i < 150; i++) {
            mvc.perform(get("/notes").header("Host", "alpha.example.com")).andExpect(status().isOk());
        }
    }
}
