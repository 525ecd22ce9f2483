package dev.tenancy.sample.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request of the hostile-input table, written as raw HTTP/1.1 so that it can carry what clients refuse to send.
 * Placeholders in the request target and header values ({@code {port}}, {@code {acme}}, a caller's
 * {@code {root-session}} and {@code {root-csrf}}...) are filled in when it is sent.
 */
final class HostileRequest {

    /** The platform's super super admin of {@code SampleFixture}, signed in on the platform host. */
    static final String ROOT = "root";

    /** Acme's tenant super admin of {@code SampleFixture}, signed in on Acme's host. */
    static final String ACME_ADMIN = "acme-admin";

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

    /** {@code method path} on {@code host} (its port added), in the session of {@code caller} (or none). */
    static HostileRequest on(String host, String method, String path, String caller) {
        HostileRequest request = new HostileRequest(method, path).header("Host", host + ":{port}")
                .header("Accept", "application/json");
        return caller == null ? request : request.as(caller);
    }

    /** Sends the session cookie and CSRF token of {@code caller} ({@link #ROOT}, {@link #ACME_ADMIN}). */
    HostileRequest as(String caller) {
        return header("Cookie", "JSESSIONID={" + caller + "-session}").header("X-CSRF-TOKEN", "{" + caller + "-csrf}");
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

    /** The request's bytes, placeholders filled with {@code values}, {@code Content-Length} and close added. */
    byte[] bytes(Map<String, String> values) {
        StringBuilder head = new StringBuilder(method).append(' ').append(fill(target, values))
                .append(" HTTP/1.1\r\n");
        for (String line : headers) {
            head.append(fill(line, values)).append("\r\n");
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

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }
}
