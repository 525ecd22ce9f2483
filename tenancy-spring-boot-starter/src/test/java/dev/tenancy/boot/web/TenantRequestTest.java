package dev.tenancy.boot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.core.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The tenant filter in its default host mode, and public-only / tenant-only endpoints, through MockMvc. */
@TestAppTest
class TenantRequestTest {

    @Autowired
    MockMvc mvc;

    private static ResultMatcher json(String expected) {
        return content().json(expected, JsonCompareMode.STRICT);
    }

    @Test
    void eachTenantHostSeesOnlyItsOwnRowsThroughJpa() throws Exception {
        mvc.perform(get("/notes").header("Host", "alpha.example.com"))
                .andExpect(status().isOk()).andExpect(json("[\"alpha note\"]"));
        mvc.perform(get("/notes").header("Host", "beta.example.com"))
                .andExpect(status().isOk()).andExpect(json("[\"beta note\"]"));
    }

    @Test
    void jdbcTemplateFollowsTheRequestsTenantToo() throws Exception {
        mvc.perform(get("/notes/jdbc").header("Host", "alpha.example.com"))
                .andExpect(json("[\"alpha note\"]"));
        mvc.perform(get("/notes/jdbc").header("Host", "beta.example.com"))
                .andExpect(json("[\"beta note\"]"));
    }

    @Test
    void sharedEntitiesAreTheSameOnEveryHost() throws Exception {
        for (String host : new String[] {"alpha.example.com", "beta.example.com", "localhost"}) {
            mvc.perform(get("/plans").header("Host", host))
                    .andExpect(status().isOk()).andExpect(json("[\"basic\",\"professional\"]"));
        }
    }

    @Test
    void aHostNoTenantHasIsAnswered404WithAPlainJsonError() throws Exception {
        mvc.perform(get("/plans").header("Host", "nobody.example.com"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(json("{\"error\":\"No tenant is served at this address.\"}"));
    }

    @Test
    void aHostThatIsNotAValidHostNameIsAnswered400() throws Exception {
        mvc.perform(get("/plans").header("Host", "bad_host.example.com"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("{\"error\":\"The request's tenant address is not a valid host name.\"}"));
    }

    @Test
    void anInactiveTenantIsRefusedWith403AndNoSchemaName() throws Exception {
        MvcResult result = mvc.perform(get("/notes").header("Host", "sleepy.example.com"))
                .andExpect(status().isForbidden())
                .andExpect(json("{\"error\":\"This tenant is not active.\"}"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("tenant_sleepy");
    }

    @Test
    void aTenantStillBeingProvisionedIsRefusedWith503() throws Exception {
        mvc.perform(get("/plans").header("Host", "fresh.example.com"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(json("{\"error\":\"This tenant is being set up. Try again shortly.\"}"));
    }

    @Test
    void hostsAreMatchedIgnoringCasePortTrailingDotAndWww() throws Exception {
        for (String host : new String[] {"ALPHA.Example.com:8443", "alpha.example.com.", "www.alpha.example.com"}) {
            mvc.perform(get("/notes").header("Host", host)).andExpect(json("[\"alpha note\"]"));
        }
    }

    @Test
    void controllersReceiveTheRequestsTenant() throws Exception {
        mvc.perform(get("/whoami").header("Host", "beta.example.com"))
                .andExpect(content().string("tenant_beta at ''"));
        mvc.perform(get("/whoami").header("Host", "localhost")).andExpect(content().string("public at ''"));
    }

    @Test
    void publicOnlyEndpointsAnswerOnlyOnPublicHosts() throws Exception {
        mvc.perform(get("/signup").header("Host", "localhost"))
                .andExpect(status().isOk()).andExpect(content().string("sign up here"));
        mvc.perform(get("/signup").header("Host", "alpha.example.com"))
                .andExpect(status().isNotFound()).andExpect(json("{\"error\":\"Not found.\"}"));
    }

    @Test
    void tenantOnlyEndpointsAnswerOnlyOnTenantHosts() throws Exception {
        mvc.perform(get("/notes").header("Host", "localhost")).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard").header("Host", "localhost")).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard").header("Host", "alpha.example.com"))
                .andExpect(status().isOk()).andExpect(content().string("dashboard"));
    }

    @Test
    void unannotatedEndpointsAnswerEverywhere() throws Exception {
        mvc.perform(get("/pricing").header("Host", "localhost")).andExpect(status().isOk());
        mvc.perform(get("/pricing").header("Host", "alpha.example.com")).andExpect(status().isOk());
    }

    @Test
    void theTenantHeaderIsIgnoredWhileHeaderModeIsOff() throws Exception {
        mvc.perform(get("/whoami").header("Host", "localhost").header("X-Tenant", "alpha.example.com"))
                .andExpect(content().string("public at ''"));
    }

    @Test
    void theTenantContextIsClearedAfterEveryRequest() throws Exception {
        mvc.perform(get("/notes").header("Host", "alpha.example.com")).andExpect(status().isOk());
        assertThat(Tenants.current()).isEmpty();
        mvc.perform(get("/notes").header("Host", "sleepy.example.com")).andExpect(status().isForbidden());
        assertThat(Tenants.current()).isEmpty();
    }
}
