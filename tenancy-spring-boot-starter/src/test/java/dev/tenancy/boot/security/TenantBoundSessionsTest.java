package dev.tenancy.boot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.boot.audit.AccessDenial;
import dev.tenancy.boot.audit.TenantAccessDeniedEvent;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A session signed in on one tenant is not signed in on another tenant or on the public site, in every resolution
 * mode, with nothing but the starter and the application's ordinary Spring Security configuration. Presenting the
 * session to another tenant is what a browser does with a path-mode cookie (one cookie path for every tenant), with
 * a cookie widened to the parent domain, or with a copied cookie.
 */
class TenantBoundSessionsTest {

    private static final String SIGNED_OUT = "not signed in";

    private static MockHttpSession signIn(MockMvc mvc, MockHttpServletRequestBuilder login) throws Exception {
        return (MockHttpSession) mvc.perform(login.param("username", "ann").param("password", "secret"))
                .andExpect(status().isNoContent())
                .andReturn().getRequest().getSession(false);
    }

    /** Subfolder mode: every tenant is under the same host and cookie path, so the browser sends one cookie to all. */
    @Nested
    @TestAppTest
    @TestPropertySource(properties = "tenancy.web.resolve-by=path")
    class ByPath {

        @Autowired
        MockMvc mvc;

        @Test
        void aSessionSignedInUnderOneTenantsPathIsNotSignedInUnderAnothers() throws Exception {
            MockHttpSession session = signIn(mvc, post("/t/alpha/login"));

            mvc.perform(get("/t/alpha/me").session(session)).andExpect(content().string("ann"));
            mvc.perform(get("/t/beta/me").session(session)).andExpect(content().string(SIGNED_OUT));
            mvc.perform(get("/me").session(session)).andExpect(content().string(SIGNED_OUT));
        }

        @Test
        void aSessionSignedInOnThePublicSiteIsNotSignedInUnderATenant() throws Exception {
            MockHttpSession session = signIn(mvc, post("/login"));

            mvc.perform(get("/me").session(session)).andExpect(content().string("ann"));
            mvc.perform(get("/t/alpha/me").session(session)).andExpect(content().string(SIGNED_OUT));
        }

        @Test
        void signingInOnAnotherTenantMovesTheSessionThere() throws Exception {
            MockHttpSession session = signIn(mvc, post("/t/alpha/login"));
            mvc.perform(post("/t/beta/login").session(session).param("username", "ann").param("password", "secret"))
                    .andExpect(status().isNoContent());

            mvc.perform(get("/t/beta/me").session(session)).andExpect(content().string("ann"));
            mvc.perform(get("/t/alpha/me").session(session)).andExpect(content().string(SIGNED_OUT));
        }
    }

    /** Host mode, as with a session cookie widened to the parent domain: the browser sends it to every subdomain. */
    @Nested
    @TestAppTest
    @RecordApplicationEvents
    class ByHost {

        @Autowired
        MockMvc mvc;

        @Autowired
        ApplicationEvents events;

        @Test
        void aSessionPresentedOnAnotherTenantsHostIsAuditedAsCrossTenantWithBothTenants() throws Exception {
            MockHttpSession session = signIn(mvc, post("/login").header("Host", "alpha.example.com"));
            mvc.perform(get("/me").session(session).header("Host", "alpha.example.com"));
            mvc.perform(get("/me").session(session).header("Host", "beta.example.com"));
            mvc.perform(get("/me").session(session).header("Host", "localhost"));

            assertThat(events.stream(TenantAccessDeniedEvent.class)).extracting(TenantAccessDeniedEvent::reason,
                    TenantAccessDeniedEvent::host, TenantAccessDeniedEvent::tenant,
                    TenantAccessDeniedEvent::presentedTenant).containsExactly(
                    tuple(AccessDenial.CROSS_TENANT_CREDENTIALS, "beta.example.com", "tenant_beta", "tenant_alpha"),
                    tuple(AccessDenial.CROSS_TENANT_CREDENTIALS, "localhost", null, "tenant_alpha"));
        }

        @Test
        void aSessionSignedInOnOneTenantsHostIsNotSignedInOnAnothersHost() throws Exception {
            MockHttpSession session = signIn(mvc, post("/login").header("Host", "alpha.example.com"));

            mvc.perform(get("/me").session(session).header("Host", "alpha.example.com"))
                    .andExpect(content().string("ann"));
            mvc.perform(get("/me").session(session).header("Host", "beta.example.com"))
                    .andExpect(content().string(SIGNED_OUT));
            mvc.perform(get("/me").session(session).header("Host", "localhost"))
                    .andExpect(content().string(SIGNED_OUT));
        }
    }

    /** Header mode: a client that signed in for one tenant cannot switch the header to use its session elsewhere. */
    @Nested
    @TestAppTest
    @TestPropertySource(properties = {"tenancy.web.resolve-by=header", "tenancy.web.header=X-Tenant-Domain"})
    class ByHeader {

        @Autowired
        MockMvc mvc;

        @Test
        void aSessionSignedInForOneTenantsHeaderIsNotSignedInForAnothers() throws Exception {
            MockHttpSession session = signIn(mvc, post("/login").header("X-Tenant-Domain", "alpha.example.com"));

            mvc.perform(get("/me").session(session).header("X-Tenant-Domain", "alpha.example.com"))
                    .andExpect(content().string("ann"));
            mvc.perform(get("/me").session(session).header("X-Tenant-Domain", "beta.example.com"))
                    .andExpect(content().string(SIGNED_OUT));
        }
    }
}
