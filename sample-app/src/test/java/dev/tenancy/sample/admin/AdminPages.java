package dev.tenancy.sample.admin;

import dev.tenancy.sample.SampleFixture.Credentials;
import dev.tenancy.test.TenantClient;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A browser's way through the admin pages over HTTP: the sign-in form, and forms sent with the page's CSRF token. */
final class AdminPages {

    private AdminPages() {
    }

    /** A session of {@code who} signed in with the admin site's form on {@code client}'s host. */
    static TenantClient signIn(TenantClient client, Credentials who) {
        return client.login("/admin/login", who.username(), who.password());
    }

    /** The page at {@code path}, as HTML. */
    static String page(TenantClient session, String path) {
        return session.rest().get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    /**
     * Sends the form at {@code action} as the page at {@code formPage} would: {@code fieldsAndValues} (name, value,
     * name, value...) and the session's CSRF token read from that page.
     */
    static RestTestClient.ResponseSpec submit(TenantClient session, String formPage, String action,
            String... fieldsAndValues) {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(session.csrfToken(formPage)));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.append('&').append(encode(fieldsAndValues[i])).append('=').append(encode(fieldsAndValues[i + 1]));
        }
        return session.rest().post().uri(action).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML).body(body.toString()).exchange();
    }

    /** The body of {@code response}. */
    static String body(RestTestClient.ResponseSpec response) {
        return response.returnResult(String.class).getResponseBody();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
