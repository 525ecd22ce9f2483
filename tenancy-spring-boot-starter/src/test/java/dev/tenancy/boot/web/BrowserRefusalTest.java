package dev.tenancy.boot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The tenant filter's refusals: an HTML page for browsers (the application's static {@code error/<status>.html} if
 * it has one, else Tenancy's plain page), JSON for everything else; neither names a schema.
 */
@TestAppTest
class BrowserRefusalTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    MockMvc mvc;

    @Test
    void aBrowserGetsAPlainHtmlPageForAnUnknownHost() throws Exception {
        String page = mvc.perform(get("/notes").header("Host", "nobody.example.com").header("Accept", BROWSER_ACCEPT))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Vary", "Accept"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<title>404 Not Found</title>")
                .contains("No tenant is served at this address.").doesNotContain("tenant_").doesNotContain("{");
    }

    @Test
    void aBrowserGetsHtmlForAnInvalidHostAndATenantBeingSetUp() throws Exception {
        mvc.perform(get("/notes").header("Host", "bad_name.example.com").header("Accept", BROWSER_ACCEPT))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
        String page = mvc.perform(get("/notes").header("Host", "fresh.example.com").header("Accept", BROWSER_ACCEPT))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("This tenant is being set up.").doesNotContain("tenant_fresh");
    }

    @Test
    void theApplicationsStaticErrorPageIsServedForItsStatus() throws Exception {
        String page = mvc.perform(get("/notes").header("Host", "sleepy.example.com").header("Accept", "text/html"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("This workspace is closed");
    }

    @Test
    void aBrowserAskingForAPublicOnlyEndpointOnATenantHostGetsAnHtmlNotFoundPage() throws Exception {
        String page = mvc.perform(get("/signup").header("Host", "alpha.example.com").header("Accept", BROWSER_ACCEPT))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>404 Not Found</title>").contains("Not found.");
    }

    @Test
    void clientsThatDoNotAskForHtmlStillGetJson() throws Exception {
        mvc.perform(get("/notes").header("Host", "nobody.example.com").header("Accept", "application/json"))
                .andExpect(status().isNotFound())
                .andExpect(content().json("{\"error\":\"No tenant is served at this address.\"}"));
        mvc.perform(get("/notes").header("Host", "nobody.example.com"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get("/notes").header("Host", "nobody.example.com").header("Accept", "text/html;q=0, */*"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }
}
