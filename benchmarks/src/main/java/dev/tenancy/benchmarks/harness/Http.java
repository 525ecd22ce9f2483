package dev.tenancy.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The harness's own HTTP calls (not the load): requests to 127.0.0.1 with a {@code Host} header of the harness's
 * choosing, as tenants' browsers would send them.
 */
public final class Http {

    static {
        // java.net.http sends a caller's Host header only when allowed before its first use.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** The response's status and body. */
    public record Response(int status, String body) {
    }

    /** {@code method path} on {@code port} for {@code host}. */
    public Response send(String method, int port, String host, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Host", host).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + host + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** {@code GET path} for {@code host}, which must answer 200; returns the body. */
    public String get(int port, String host, String path) {
        Response response = send("GET", port, host, path);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + host + path + " answered " + response.status() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** The client itself, for the load generator written in Java. */
    HttpClient client() {
        return client;
    }
}
