package dev.tenancy.boot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;
import dev.tenancy.core.model.TenantMixin.TenantStatus;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The filter's handling of each resolution and of scopes the application leaks, with servlet request mocks and a
 * resolver that answers as told.
 */
@ExtendWith(OutputCaptureExtension.class)
class TenantFilterTest {

    private static final TenantRecord ACME = new TenantRecord(1, SchemaName.of("tenant_acme"), TenantStatus.ACTIVE);

    private final List<Optional<SchemaName>> seenByChain = new ArrayList<>();
    private final FilterChain recordingChain = (request, response) -> seenByChain.add(Tenants.current());

    private MockHttpServletResponse filter(TenantResolution resolution, boolean showPublic, FilterChain chain)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new TenantFilter(request -> resolution, showPublic).doFilter(new MockHttpServletRequest(), response, chain);
        return response;
    }

    @Test
    void theChainRunsAsTheTenantAndTheContextIsClearedAfterwards() throws Exception {
        filter(TenantResolution.tenant(ACME), false, recordingChain);
        assertThat(seenByChain).containsExactly(Optional.of(ACME.schema()));
        assertThat(Tenants.current()).isEmpty();
    }

    @Test
    void theContextIsClearedEvenWhenTheApplicationThrows() {
        FilterChain failing = (request, response) -> {
            throw new ServletException("boom in " + Tenants.require());
        };
        assertThatThrownBy(() -> filter(TenantResolution.tenant(ACME), false, failing))
                .hasMessage("boom in tenant_acme");
        assertThat(Tenants.current()).isEmpty();
    }

    @Test
    void publicRequestsRunOutsideAnyTenantEvenIfAStaleTenantWasLeftOnTheThread() throws Exception {
        Tenants.run(SchemaName.of("tenant_stale"),
                () -> filter(TenantResolution.publicSchema(), false, recordingChain));
        assertThat(seenByChain).containsExactly(Optional.empty());
    }

    @Test
    void unknownTenantsAre404UnlessThePublicSchemaIsShownInstead() throws Exception {
        assertThat(filter(TenantResolution.notFound(), false, recordingChain).getStatus()).isEqualTo(404);
        assertThat(seenByChain).isEmpty();

        assertThat(filter(TenantResolution.notFound(), true, recordingChain).getStatus()).isEqualTo(200);
        assertThat(seenByChain).containsExactly(Optional.empty());
    }

    @Test
    void aScopeTheApplicationLeftOpenIsClosedAndLoggedAtTheEndOfTheRequest(CapturedOutput output) throws Exception {
        FilterChain leaking = (request, response) -> Tenants.enter(SchemaName.of("tenant_leaked"));

        assertThat(filter(TenantResolution.tenant(ACME), false, leaking).getStatus()).isEqualTo(200);
        assertThat(Tenants.current()).as("the thread's next request starts with no tenant").isEmpty();
        filter(TenantResolution.publicSchema(), false, leaking);
        assertThat(Tenants.current()).isEmpty();
        assertThat(output).contains("WARN", "A tenant scope opened while serving", "was left open");
    }

    @Test
    void aLeakedScopeIsClosedWhenTheApplicationThrowsToo() {
        FilterChain leakingAndFailing = (request, response) -> {
            Tenants.enter(SchemaName.of("tenant_leaked"));
            throw new ServletException("boom");
        };
        assertThatThrownBy(() -> filter(TenantResolution.tenant(ACME), false, leakingAndFailing)).hasMessage("boom");
        assertThat(Tenants.current()).isEmpty();
    }

    @Test
    void browsersGetTheApplicationsRefusalPageWhenItHasOne() throws Exception {
        MockHttpServletRequest browser = new MockHttpServletRequest();
        browser.addHeader("Accept", "text/html");
        MockHttpServletResponse response = new MockHttpServletResponse();
        RefusalPage page = (status, message) -> "<p>" + status + ": " + message + "</p>";
        new TenantFilter(request -> TenantResolution.notFound(), false, page).doFilter(browser, response,
                recordingChain);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).isEqualTo("<p>404: No tenant is served at this address.</p>");
        assertThat(seenByChain).isEmpty();
    }

    @Test
    void tenancysPlainRefusalPageEscapesItsMessage() {
        assertThat(RefusalPage.standard().render(418, "<script>alert('x')</script> & more"))
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
                .doesNotContain("<script>");
    }
}
