package dev.tenancy.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running application as browsers and curl do: to 127.0.0.1 with the {@code Host} header of a tenant's (or
 * the platform's) host name. Sending a Host header needs {@code -Djdk.httpclient.allowRestrictedHeaders=host} (set by
 * the build for tests).
 */
public final class SampleClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final int port;

    public SampleClient(int port) {
        this.port = port;
    }

    /** A request to {@code host}, e.g. {@code localhost} or {@code acme.localhost}. */
    public Call on(String host) {
        return new Call(host);
    }

    /** One request being built. */
    public final class Call {

        private final String host;
        private String authorization;
        private String cookie;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String host) {
            this.host = host;
        }

        /** Sends HTTP Basic credentials. */
        public Call as(String username, String password) {
            authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Sends a {@code Cookie} header. */
        public Call cookie(String value) {
            cookie = value;
            return this;
        }

        /** Sends another header. */
        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Response get(String path) {
            return send(request(path).GET());
        }

        /** GET as a browser asking for a page. */
        public Response getPage(String path) {
            return send(request(path).header("Accept", "text/html").GET());
        }

        public Response delete(String path) {
            return send(request(path).DELETE());
        }

        /** POSTs {@code body} (a map or a raw string) as JSON. */
        public Response post(String path, Object body) {
            return send(json(request(path), "POST", body));
        }

        public Response patch(String path, Object body) {
            return send(json(request(path), "PATCH", body));
        }

        /** POSTs an HTML form. */
        public Response postForm(String path, Map<String, String> fields) {
            String form = fields.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder;
            try {
                builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Host", host + ":" + port);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Run the tests with -Djdk.httpclient.allowRestrictedHeaders=host so "
                        + "they can send Host headers.", e);
            }
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            headers.forEach(builder::header);
            return builder;
        }

        private HttpRequest.Builder json(HttpRequest.Builder builder, String method, Object body) {
            String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text));
        }

        private Response send(HttpRequest.Builder builder) {
            try {
                HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body(), response.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An answer: status, body, headers. */
    public record Response(int status, String body, HttpHeaders headers) {

        /** The body as JSON. */
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The {@code error} message of a refusal. */
        public String error() {
            return json().path("error").asString();
        }

        /** The session cookie the answer sets ({@code JSESSIONID=...}), or null. */
        public String sessionCookie() {
            return headers.allValues("Set-Cookie").stream()
                    .filter(value -> value.startsWith("JSESSIONID="))
                    .map(value -> value.substring(0, value.indexOf(';')))
                    .findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
