package dev.tenancy.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.TestAppDatabase;
import dev.tenancy.boot.testapp.TestApplication;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;

/**
 * Error pages and exception handlers of a tenant's request run in that tenant, on a real server (the servlet
 * container's error dispatch, which MockMvc does not perform). The test application's error attributes name the
 * tenant the error page was rendered in.
 */
class ErrorDispatchTest {

    /** Sends GET {@code path} to the server on {@code port}, with {@code host} as Host header if given. */
    private static Answer get(int port, String host, String path) {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new HttpComponentsClientHttpRequestFactory()).build();
        return client.get().uri(path)
                .headers(headers -> {
                    if (host != null) {
                        headers.set(HttpHeaders.HOST, host);
                    }
                })
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private record Answer(int status, String body) {
    }

    @Nested
    @SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
    @ContextConfiguration(initializers = TestAppDatabase.class)
    class ByHost {

        @LocalServerPort
        int port;

        @Test
        void theErrorPageOfATenantsFailedRequestRunsInThatTenant() {
            Answer answer = get(port, "alpha.example.com", "/failing");
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.body()).contains("\"tenant\":\"tenant_alpha\"").doesNotContain("This endpoint");
        }

        @Test
        void theErrorPageOfAPublicFailedRequestRunsInPublic() {
            Answer answer = get(port, "localhost", "/failing");
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.body()).contains("\"tenant\":\"public\"");
        }

        @Test
        void theNotFoundPageOfATenantRunsInThatTenant() {
            Answer answer = get(port, "beta.example.com", "/no-such-page");
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).contains("\"tenant\":\"tenant_beta\"");
        }

        @Test
        void anExceptionHandlerRunsInTheRequestsTenant() {
            Answer answer = get(port, "beta.example.com", "/failing/handled");
            assertThat(answer).isEqualTo(new Answer(409, "handled in tenant_beta"));
        }
    }

    /** In path mode the error page's own path is outside the prefix: it still runs in the failed request's tenant. */
    @Nested
    @SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
    @ContextConfiguration(initializers = TestAppDatabase.class)
    @TestPropertySource(properties = "tenancy.web.resolve-by=path")
    class ByPath {

        @LocalServerPort
        int port;

        @Test
        void theErrorPageOfATenantsFailedRequestRunsInThatTenant() {
            Answer answer = get(port, null, "/t/alpha/failing");
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.body()).contains("\"tenant\":\"tenant_alpha\"");
        }

        @Test
        void theErrorPageOfAPublicFailedRequestRunsInPublic() {
            Answer answer = get(port, null, "/failing");
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.body()).contains("\"tenant\":\"public\"");
        }
    }
}
