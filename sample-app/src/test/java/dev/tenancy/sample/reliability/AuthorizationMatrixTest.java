package dev.tenancy.sample.reliability;

import static dev.tenancy.sample.SampleFixture.admin;
import static dev.tenancy.sample.SampleFixture.user;

import dev.tenancy.sample.SampleAppTest;
import dev.tenancy.sample.SampleFixture;
import dev.tenancy.sample.SampleFixture.Credentials;
import dev.tenancy.test.TenantClient;
import dev.tenancy.test.TenantSchema;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every cell of the authorization matrix in {@code RELIABILITY.md} (section "Authorization matrix"): each endpoint,
 * called by each kind of caller on each kind of host, gets the status the document says. Callers sign in once with
 * the form at {@code /login} on their own host and reuse that session (and its CSRF token) everywhere, so the
 * matrix costs one BCrypt check per caller. One invocation checks every cell of one endpoint, and reports every
 * cell that differs.
 */
@SampleAppTest
class AuthorizationMatrixTest {

    private static final String SECTION = "Authorization matrix";
    private static final long MISSING_ID = 987_654_321L;
    private static final Map<String, Caller> CALLERS = new ConcurrentHashMap<>();

    @Autowired
    SampleFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    /** A signed-in session (or an anonymous one) and the CSRF token it sends with every request. */
    private record Caller(TenantClient session, String csrfToken) {
    }

    /** One cell: {@code request} with {@code body}, by {@code caller} on {@code host}, answered {@code expected}. */
    record Cell(String host, String request, String body, String caller, String expected) {

        @Override
        public String toString() {
            return request + (body.isEmpty() ? "" : " " + body) + " by " + caller + " on " + host + " -> "
                    + expected;
        }
    }

    /** The cells of one endpoint (a row of each table): one test invocation, so one data reset, per endpoint. */
    record Endpoint(String request, List<Cell> cells) {

        @Override
        public String toString() {
            return request + " (" + cells.size() + " cells)";
        }
    }

    static Stream<Endpoint> endpoints() {
        Map<String, List<Cell>> byRequest = new LinkedHashMap<>();
        for (ReliabilityDocument.Table table : ReliabilityDocument.tables(SECTION)) {
            String host = hostOf(table.heading());
            List<String> header = table.header();
            for (List<String> row : table.rows()) {
                String request = ReliabilityDocument.unquoted(row.get(0));
                for (int column = 2; column < header.size(); column++) {
                    byRequest.computeIfAbsent(request, key -> new ArrayList<>()).add(new Cell(host, request,
                            ReliabilityDocument.unquoted(row.get(1)), header.get(column), row.get(column)));
                }
            }
        }
        return byRequest.entrySet().stream().map(entry -> new Endpoint(entry.getKey(), entry.getValue()));
    }

    private static String hostOf(String heading) {
        int start = heading.indexOf('`');
        int end = heading.indexOf('`', start + 1);
        if (start < 0 || end < 0) {
            throw new AssertionError("The matrix heading '" + heading + "' names no host in `quotes`.");
        }
        return heading.substring(start + 1, end);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyCallerGetsTheDocumentedStatusOnEveryHost(Endpoint endpoint, TenantClient acme,
            @TenantSchema(SampleAppTest.GLOBEX) TenantClient globex) {
        SoftAssertions softly = new SoftAssertions();
        long acmeId = jdbc.queryForObject("SELECT id FROM public.tenants WHERE schema_name = ?", Long.class,
                SampleAppTest.ACME);
        for (Cell cell : endpoint.cells()) {
            Caller caller = CALLERS.computeIfAbsent(cell.caller(), name -> signIn(name, acme, globex));
            check(cell, caller, acmeId, softly);
        }
        softly.assertAll();
    }

    private static void check(Cell cell, Caller caller, long acmeId, SoftAssertions softly) {
        String[] methodAndPath = cell.request().split(" ", 2);
        String path = placeholders(methodAndPath[1], acmeId);
        boolean api = path.startsWith("/api/");
        RestTestClient.RequestBodySpec request = caller.session().withHost(cell.host()).rest()
                .method(HttpMethod.valueOf(methodAndPath[0])).uri(path)
                .header("X-CSRF-TOKEN", caller.csrfToken())
                .header(HttpHeaders.ACCEPT, api ? MediaType.APPLICATION_JSON_VALUE : "text/html, */*");
        if (!cell.body().isEmpty()) {
            request.contentType(api ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED)
                    .body(placeholders(cell.body(), acmeId));
        }
        EntityExchangeResult<String> result = request.exchange().returnResult(String.class);

        String[] expected = cell.expected().split(" ", 2);
        softly.assertThat(result.getStatus().value()).as("%s; answer: %s", cell, result.getResponseBody())
                .isEqualTo(Integer.parseInt(expected[0]));
        if (expected.length > 1) {
            String location = result.getResponseHeaders().getFirst(HttpHeaders.LOCATION);
            softly.assertThat(location == null ? null : URI.create(location).getPath())
                    .as("the redirect of %s", cell).isEqualTo(expected[1]);
        }
    }

    private static String placeholders(String text, long acmeId) {
        return text.replace("{acme}", Long.toString(acmeId)).replace("{missing}", Long.toString(MISSING_ID));
    }

    private Caller signIn(String caller, TenantClient acme, TenantClient globex) {
        TenantClient session = switch (caller) {
            case "anonymous" -> acme;
            case "user" -> signIn(acme, user(acme));
            case "this tenant's admin" -> signIn(acme, admin(acme));
            case "other tenant's admin" -> signIn(globex, admin(globex));
            case "super super admin" -> signIn(acme.withHost("localhost"), fixture.root());
            default -> throw new AssertionError("The matrix names an unknown caller '" + caller + "'.");
        };
        return new Caller(session, session.csrfToken("/login"));
    }

    private static TenantClient signIn(TenantClient client, Credentials who) {
        return client.login(who.username(), who.password());
    }
}
