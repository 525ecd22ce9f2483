package dev.tenancy.boot.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.MockMvc;

/** Header mode, for service-to-service calls: a header carrying a tenant's domain names the tenant. */
@TestAppTest
@TestPropertySource(properties = {"tenancy.web.resolve-by=header", "tenancy.web.header=X-Tenant-Domain"})
class HeaderModeTest {

    @Autowired
    MockMvc mvc;

    private static ResultMatcher json(String expected) {
        return content().json(expected, JsonCompareMode.STRICT);
    }

    @Test
    void theHeaderPicksTheTenant() throws Exception {
        mvc.perform(get("/notes").header("X-Tenant-Domain", "beta.example.com"))
                .andExpect(status().isOk()).andExpect(json("[\"beta note\"]"));
    }

    @Test
    void requestsWithoutTheHeaderArePublicWhateverTheirHost() throws Exception {
        mvc.perform(get("/whoami").header("Host", "alpha.example.com")).andExpect(content().string("public at ''"));
    }

    @Test
    void anUnknownOrInvalidDomainInTheHeaderIsRefused() throws Exception {
        mvc.perform(get("/plans").header("X-Tenant-Domain", "nobody.example.com")).andExpect(status().isNotFound());
        mvc.perform(get("/plans").header("X-Tenant-Domain", "not a host")).andExpect(status().isBadRequest());
    }
}
