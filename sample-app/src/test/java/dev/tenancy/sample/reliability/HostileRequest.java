package dev.tenancy.sample.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A request of the hostile-input table, written as raw HTTP/1.1 so that it can carry what clients refuse to send.
 * {@code {port}} in the request target and header values stands for the test server's port, {@code {acme}} for Acme's
 * tenant id; {@code {session}} and {@code {csrf}} for a session signed in on Acme's host and its CSRF token.
 */
final class HostileRequest {

    /** The platform's super super admin of {@code SampleFixture}. */
    static final String ROOT = basic("root", "root-password");

    /** Acme's tenant super admin of {@code SampleFixture}. */
    static final String ACME_ADMIN = basic("admin@acme.example.com", "acme-admin-password");

    private final String method;
    private final String target;
    private final List<String> headers = new ArrayList<>();
    private byte[] body = new byte[0];

    private HostileRequest(String method, String target) {
        this.method = method;
        this.target = target;
    }

    /** {@code method target} with no header yet. */
    static HostileRequest request(String method, String target) {
        return new HostileRequest(method, target);
    }

    /** {@code method path} on {@code host} (its port added), signed in with {@code authorization} (or none). */
    static HostileRequest on(String host, String method, String path, String authorization) {
        HostileRequest request = new HostileRequest(method, path).header("Host", host + ":{port}")
                .header("Accept", "application/json");
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    /** {@code POST /api/admin/tenants/} on the platform host by the super super admin, with {@code json}. */
    static HostileRequest newTenant(String json) {
        return on("localhost", "POST", "/api/admin/tenants/", ROOT).json(json);
    }

    /** {@code POST /api/users/} on Acme's host by its super admin, with {@code json}. */
    static HostileRequest newAcmeUser(String json) {
        return on("acme.localhost", "POST", "/api/users/", ACME_ADMIN).json(json);
    }

    /** Adds a header line (any name and value, repeated names too). */
    HostileRequest header(String name, String value) {
        headers.add(name + ": " + value);
        return this;
    }

    /** A JSON body. */
    HostileRequest json(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A body of {@code contentType}. */
    HostileRequest body(String contentType, byte[] bytes) {
        header("Content-Type", contentType);
        body = bytes;
        return this;
    }

    /** The request's bytes, with {@code Content-Length} and {@code Connection: close} added. */
    byte[] bytes(int port, String session, String csrf, long acme) {
        StringBuilder head = new StringBuilder(method).append(' ').append(fill(target, port, session, csrf, acme))
                .append(" HTTP/1.1\r\n");
        for (String line : headers) {
            head.append(fill(line, port, session, csrf, acme)).append("\r\n");
        }
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static String fill(String text, int port, String session, String csrf, long acme) {
        return text.replace("{port}", Integer.toString(port)).replace("{acme}", Long.toString(acme))
                .replace("{session}", String.valueOf(session))
                .replace("{csrf}", String.valueOf(csrf));
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
