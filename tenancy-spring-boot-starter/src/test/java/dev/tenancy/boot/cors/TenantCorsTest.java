package dev.tenancy.boot.cors;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * CORS by tenant: alpha's API answers pages on alpha's own domains and the configured extra origin, and refuses
 * pages on beta's domain; the public site answers only the extra origin.
 */
@TestAppTest
@TestPropertySource(properties = {"tenancy.cors.enabled=true",
        "tenancy.cors.allowed-origins=https://partner.example.org"})
class TenantCorsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aPageOnTheTenantsOwnDomainMayCallItsApi() throws Exception {
        mvc.perform(get("/notes").header("Host", "alpha.example.com").header("Origin", "https://alpha.example.com"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://alpha.example.com"))
                .andExpect(content().json("[\"alpha note\"]"));
    }

    @Test
    void aPreflightFromTheTenantsOwnDomainIsAllowed() throws Exception {
        mvc.perform(options("/notes").header("Host", "alpha.example.com")
                        .header("Origin", "http://alpha:8080")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://alpha:8080"));
    }

    @Test
    void aPageOnAnotherTenantsDomainMayNotCallTheApi() throws Exception {
        mvc.perform(get("/notes").header("Host", "alpha.example.com").header("Origin", "https://beta.example.com"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        mvc.perform(options("/notes").header("Host", "alpha.example.com")
                        .header("Origin", "https://beta.example.com")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    @Test
    void oneTenantsAllowedOriginsNeverCarryOverToTheNextRequest() throws Exception {
        mvc.perform(get("/notes").header("Host", "alpha.example.com").header("Origin", "https://alpha.example.com"))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://alpha.example.com"));
        mvc.perform(get("/notes").header("Host", "beta.example.com").header("Origin", "https://alpha.example.com"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLookAlikeOfTheTenantsDomainIsNotAllowed() throws Exception {
        mvc.perform(get("/notes").header("Host", "alpha.example.com")
                        .header("Origin", "https://alpha.example.com.evil.example"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theConfiguredExtraOriginMayCallEveryTenantAndThePublicSite() throws Exception {
        mvc.perform(get("/notes").header("Host", "beta.example.com").header("Origin", "https://partner.example.org"))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://partner.example.org"));
        mvc.perform(get("/plans").header("Host", "localhost").header("Origin", "https://partner.example.org"))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://partner.example.org"));
    }

    @Test
    void aTenantsDomainMayNotCallThePublicSite() throws Exception {
        mvc.perform(get("/plans").header("Host", "localhost").header("Origin", "https://alpha.example.com"))
                .andExpect(status().isForbidden());
    }
}
