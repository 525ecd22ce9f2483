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

import java.net.URI;

/** Subfolder mode: {@code /t/<domain>/...} names the tenant, and the application sees the path without it. */
@TestAppTest
@TestPropertySource(properties = "tenancy.web.resolve-by=path")
class PathModeTest {

    @Autowired
    MockMvc mvc;

    private static ResultMatcher json(String expected) {
        return content().json(expected, JsonCompareMode.STRICT);
    }

    @Test
    void thePathPrefixPicksTheTenantAndIsHiddenFromTheApplication() throws Exception {
        mvc.perform(get("/t/alpha/notes")).andExpect(status().isOk()).andExpect(json("[\"alpha note\"]"));
        mvc.perform(get("/t/beta/notes")).andExpect(status().isOk()).andExpect(json("[\"beta note\"]"));
    }

    @Test
    void theTenantsPrefixBecomesPartOfTheContextPath() throws Exception {
        mvc.perform(get("/t/alpha/whoami")).andExpect(content().string("tenant_alpha at '/t/alpha'"));
    }

    @Test
    void pathsOutsideThePrefixArePublic() throws Exception {
        mvc.perform(get("/whoami").header("Host", "alpha.example.com")).andExpect(content().string("public at ''"));
        mvc.perform(get("/notes")).andExpect(status().isNotFound());
        mvc.perform(get("/signup")).andExpect(status().isOk());
        mvc.perform(get("/t/alpha/signup")).andExpect(status().isNotFound());
    }

    @Test
    void theTenantIsReadFromTheNormalisedPathAndAnyOtherSpellingIsRefused() throws Exception {
        mvc.perform(get("/t/alpha/../beta/notes")).andExpect(status().isBadRequest());
        mvc.perform(get(URI.create("/t/alpha/..%2Fbeta/notes"))).andExpect(status().isBadRequest());
        mvc.perform(get(URI.create("/t/%61lpha/notes"))).andExpect(status().isBadRequest());
        mvc.perform(get("/t/./beta/notes")).andExpect(status().isBadRequest());
        mvc.perform(get("/x/../t/beta/notes")).andExpect(status().isBadRequest());
    }

    @Test
    void anUnknownOrInvalidTenantInThePathIsRefused() throws Exception {
        mvc.perform(get("/t/nobody/notes")).andExpect(status().isNotFound());
        mvc.perform(get("/t/")).andExpect(status().isNotFound());
        mvc.perform(get("/t/bad_name/notes")).andExpect(status().isBadRequest());
        mvc.perform(get("/t/sleepy.example.com/notes")).andExpect(status().isForbidden());
    }
}
