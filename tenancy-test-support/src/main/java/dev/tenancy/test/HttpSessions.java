package dev.tenancy.test;

import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * Real HTTP for {@link TenantClient}s of tests with a running server, through Apache HttpClient 5: unlike
 * {@code java.net.http}, it sends the {@code Host} header it is given, which is how a request names its tenant. One
 * client per test run (closed when the run ends); each {@link TenantClient} session has a cookie store of its own,
 * and redirects are not followed, as in MockMvc.
 */
final class HttpSessions {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HttpSessions.class);

    private HttpSessions() {
    }

    /** A new session: requests share the run's connections but not their cookies. */
    static ClientHttpRequestFactory newSession(ExtensionContext context) {
        CloseableHttpClient client = context.getRoot().getStore(NAMESPACE).computeIfAbsent(CloseableHttpClient.class,
                type -> HttpClients.custom().disableRedirectHandling().disableAutomaticRetries().build(),
                CloseableHttpClient.class);
        BasicCookieStore cookies = new BasicCookieStore();
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client);
        factory.setHttpContextFactory((method, uri) -> {
            HttpClientContext httpContext = HttpClientContext.create();
            httpContext.setCookieStore(cookies);
            return httpContext;
        });
        return factory;
    }
}
