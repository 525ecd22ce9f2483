package dev.tenancy.test;

import dev.tenancy.core.directory.TenantDirectory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * An HTTP client for one {@link TenantTest} tenant, the counterpart of django-tenants' {@code TenantClient}: every
 * request carries the tenant's domain in its {@code Host} header, so the application serves it as that tenant. Take
 * it as a parameter of a Spring test:
 *
 * <pre>{@code
 * @Test
 * void createsANote(TenantClient client) {
 *     client.post("/notes", "{\"body\":\"hello\"}").expectStatus().isCreated();
 *     client.get("/notes").expectBody().json("[{\"body\":\"hello\"}]");
 *     client.login("alice", "secret").get("/account").expectStatus().isOk();
 *     client.withHost("localhost").get("/notes").expectStatus().isNotFound();   // the public host
 * }
 * }</pre>
 *
 * <p>It is built on Spring's {@link RestTestClient}, bound to MockMvc ({@code @AutoConfigureMockMvc}) or, when the
 * test runs a server ({@code webEnvironment = RANDOM_PORT} or {@code DEFINED_PORT}), to that server over real HTTP
 * with Apache HttpClient 5 ({@code org.apache.httpcomponents.client5:httpclient5} on the test class path), which may
 * set the {@code Host} header where {@code java.net.http} may not. Each client keeps its own session (cookies, or
 * MockMvc's HTTP session), so a client returned by {@link #login} stays logged in; {@link #withHost} sends a client's
 * requests, in its session, to another host. Redirects are returned, not followed.
 */
public final class TenantClient {

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*\\bname=[\"']_csrf[\"'][^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("\\bvalue=[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);

    private final String domain;
    private final Target target;
    private final ClientHttpRequestFactory session;
    private final String authorization;
    private final RestTestClient rest;

    /** A client for {@code domain} in a new session, without credentials. */
    TenantClient(String domain, Target target) {
        this(domain, target, target.sessions().get(), null);
    }

    private TenantClient(String domain, Target target, ClientHttpRequestFactory session, String authorization) {
        this.domain = domain;
        this.target = target;
        this.session = session;
        this.authorization = authorization;
        RestTestClient.Builder<?> builder = RestTestClient.bindToServer(session)
                .baseUrl(target.baseUrl(domain))
                .defaultHeader(HttpHeaders.HOST, target.hostHeader(domain));
        if (authorization != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        this.rest = builder.build();
    }

    /** The host every request names in its {@code Host} header: the tenant's domain, unless {@link #withHost}. */
    public String domain() {
        return domain;
    }

    /** The underlying client, for any request the shortcuts below do not cover; the Host header is preset. */
    public RestTestClient rest() {
        return rest;
    }

    /** Sends {@code GET path}, e.g. {@code get("/notes/{id}", 42)}. */
    public RestTestClient.ResponseSpec get(String path, Object... uriVariables) {
        return rest.get().uri(path, uriVariables).exchange();
    }

    /** Sends {@code POST path} with a JSON body. */
    public RestTestClient.ResponseSpec post(String path, String json) {
        return rest.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    /** Sends {@code PUT path} with a JSON body. */
    public RestTestClient.ResponseSpec put(String path, String json) {
        return rest.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    /** Sends {@code PATCH path} with a JSON body. */
    public RestTestClient.ResponseSpec patch(String path, String json) {
        return rest.patch().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    /** Sends {@code DELETE path}. */
    public RestTestClient.ResponseSpec delete(String path, Object... uriVariables) {
        return rest.delete().uri(path, uriVariables).exchange();
    }

    /** A client for the same tenant whose requests carry HTTP Basic credentials (and a session of its own). */
    public TenantClient withBasicAuth(String username, String password) {
        String credentials = Objects.requireNonNull(username, "username") + ":"
                + Objects.requireNonNull(password, "password");
        return new TenantClient(domain, target, target.sessions().get(),
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A client whose requests name {@code host} instead, in this client's session and with its credentials: to call
     * the application's public host ({@code localhost}), a host no tenant has, or another tenant's host with this
     * tenant's session or credentials, e.g. to prove they are refused there.
     *
     * @param host a host name, e.g. {@code localhost} or {@code globex.localhost}
     */
    public TenantClient withHost(String host) {
        return new TenantClient(TenantDirectory.normaliseHost(host), target, session, authorization);
    }

    /** Logs in at {@code /login} (Spring Security's default); see {@link #login(String, String, String)}. */
    public TenantClient login(String username, String password) {
        return login("/login", username, password);
    }

    /**
     * Logs in as a user of this tenant through a login form, as a browser would, and returns a client in that logged-in
     * session (this client stays as it was). It reads the form at {@code loginPath} for a CSRF token (a hidden
     * {@code _csrf} input, as Spring Security's forms have), then posts {@code username}, {@code password} and the
     * token to {@code loginPath}.
     *
     * @throws AssertionError when the login is refused: the answer is neither a success nor a redirect, or redirects to
     *     an URL with {@code error} in it (Spring Security's {@code /login?error})
     */
    public TenantClient login(String loginPath, String username, String password) {
        TenantClient session = new TenantClient(domain, target);
        String form = session.rest.get().uri(loginPath).exchange().returnResult(String.class).getResponseBody();
        StringBuilder body = new StringBuilder("username=").append(encode(username))
                .append("&password=").append(encode(password));
        String token = tokenIn(form);
        if (token != null) {
            body.append("&_csrf=").append(encode(token));
        }
        EntityExchangeResult<String> result = session.rest.post().uri(loginPath)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body.toString())
                .exchange().returnResult(String.class);
        int status = result.getStatus().value();
        String location = result.getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        boolean redirected = status >= 300 && status < 400;
        if (!(status >= 200 && status < 300 || redirected) || redirected && location != null
                && location.contains("error")) {
            throw new AssertionError("Logging in as '" + username + "' at " + loginPath + " on " + domain
                    + " failed: status " + status + (location == null ? "" : ", redirected to " + location) + ".");
        }
        return session;
    }

    /**
     * The CSRF token of the form at {@code formPath} (e.g. {@code /login}) in this client's session: what a page of
     * a logged-in session would send with a request that changes something, e.g. as Spring Security's
     * {@code X-CSRF-TOKEN} header.
     *
     * @throws AssertionError when the page has no hidden {@code _csrf} input
     */
    public String csrfToken(String formPath) {
        String token = tokenIn(rest.get().uri(formPath).exchange().returnResult(String.class).getResponseBody());
        if (token == null) {
            throw new AssertionError("The page at " + formPath + " on " + domain + " has no CSRF token (a hidden "
                    + "_csrf input).");
        }
        return token;
    }

    private static String tokenIn(String form) {
        if (form == null) {
            return null;
        }
        Matcher input = CSRF_INPUT.matcher(form);
        if (!input.find()) {
            return null;
        }
        Matcher value = VALUE.matcher(input.group());
        return value.find() ? value.group(1) : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TenantClient[" + domain + " via " + target.baseUrl(domain) + "]";
    }

    /**
     * Where clients send their requests, and how they get new sessions: a server on {@code port} over real HTTP, or
     * MockMvc ({@code port} 0), where the request's URL names the host.
     */
    record Target(int port, Supplier<ClientHttpRequestFactory> sessions) {

        String baseUrl(String host) {
            return port > 0 ? "http://localhost:" + port : "http://" + host;
        }

        String hostHeader(String host) {
            return port > 0 ? host + ":" + port : host;
        }
    }
}
