package dev.tenancy.sample.reliability;

import static dev.tenancy.sample.reliability.HostileRequest.ACME_ADMIN;
import static dev.tenancy.sample.reliability.HostileRequest.ROOT;
import static dev.tenancy.sample.reliability.HostileRequest.newAcmeUser;
import static dev.tenancy.sample.reliability.HostileRequest.newTenant;
import static dev.tenancy.sample.reliability.HostileRequest.on;
import static dev.tenancy.sample.reliability.HostileRequest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.sample.Names;
import dev.tenancy.sample.SampleAppTest;
import dev.tenancy.sample.SampleFixture;
import dev.tenancy.sample.SampleFixture.Credentials;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hostile input against the running sample application, one case per row of {@link #cases()} (summarised in
 * {@code RELIABILITY.md}, section "Hostile input"): each gets its expected 4xx status and clear message, never a
 * 5xx, a stack trace or SQL, and leaves the database exactly as it was (tenants, domains, schemas, every users
 * table and the audit log). Requests are written as raw HTTP on a socket ({@link RawHttp}), so they can carry what
 * HTTP clients refuse to send. The super super admin and Acme's admin sign in once, with the form, and send their
 * session and its CSRF token, so the cases cost no BCrypt check each.
 */
@SampleAppTest
class HostileInputTest {

    private static final String SUBDOMAIN = "subdomain is required: 1 to 56 letters";
    private static final String NOT_JSON = "The request body must be a JSON object";
    private static final String SIGN_IN = "Sign in first";
    private static final String NO_TENANT = "No tenant is served at this address.";
    /** Refused by Tomcat before the application sees the request, answered by the starter's plain refusal (D4). */
    private static final String TOMCAT_PAGE = "refused before it reached the application";
    private static final String BAD_HOST = "is not a valid host name";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    /** The database as a text: any change to a tenant, domain, schema, user or audit entry changes it. */
    private static final String FINGERPRINT = """
            SELECT string_agg(line, E'\\n' ORDER BY line) FROM (
              SELECT 'schema ' || nspname FROM pg_namespace
              UNION ALL SELECT 'tenant ' || t::text FROM public.tenants t
              UNION ALL SELECT 'domain ' || d::text FROM public.domains d
              UNION ALL SELECT 'public user ' || u::text FROM public.app_users u
              UNION ALL SELECT 'acme user ' || u::text FROM tenant_acme.app_users u
              UNION ALL SELECT 'globex user ' || u::text FROM tenant_globex.app_users u
              UNION ALL SELECT 'provisioning ' || p::text FROM public.tenancy_provisioning p
              UNION ALL SELECT 'audited changes ' || count(*) FROM public.tenancy_audit WHERE outcome = 'SUCCESS'
            ) fingerprint(line)""";

    /** Placeholder values: the port, Acme's id, and each caller's signed-in session and its CSRF token. */
    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SampleFixture fixture;

    /** One row: what is sent, the status it must get, and a part of the message it must carry (or none). */
    record Case(String name, HostileRequest request, int status, String message) {

        @Override
        public String toString() {
            return name + " -> " + status;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // Subdomains (and so schema names) built to break out of SQL or to look like other names.
                invalid("subdomain closing a quote", tenant("x'; DROP SCHEMA public CASCADE; --")),
                invalid("subdomain closing an identifier", tenant("acme\"; DROP TABLE public.tenants; --")),
                invalid("subdomain with dollar quotes", tenant("a$$b$$")),
                invalid("subdomain with a semicolon", tenant("a;b")),
                invalid("subdomain naming a tenant schema", tenant("tenant_acme")),
                invalid("subdomain pg_catalog", tenant("pg_catalog")),
                invalid("subdomain pg_toast", tenant("pg_toast")),
                invalid("subdomain information_schema", tenant("information_schema")),
                invalid("subdomain starting with a hyphen", tenant("-acme")),
                invalid("subdomain ending with a hyphen", tenant("acme-")),
                invalid("subdomain with a dot", tenant("acme.globex")),
                invalid("subdomain with a path", tenant("../public")),
                invalid("subdomain percent-encoded", tenant("%2e%2e")),
                invalid("subdomain with a NUL character", tenant("ac\\u0000me")),
                invalid("subdomain of 57 characters", tenant("a".repeat(57))),
                invalid("subdomain of 300 characters", tenant("b".repeat(300))),
                invalid("subdomain of 10,000 characters", tenant("c".repeat(10_000))),
                invalid("subdomain with a Cyrillic a (look-alike)", tenant("\u0430cme")),
                invalid("subdomain in full-width letters", tenant("\uff41\uff43\uff4d\uff45")),
                invalid("subdomain with a zero-width space", tenant("ac\u200bme")),
                invalid("subdomain with a dotted capital I (lower-cases to i and a dot)", tenant("\u0130" + unique())),
                invalid("subdomain empty", tenant("")),
                invalid("subdomain blank", tenant("   ")),
                refused("subdomain www (reserved)", newTenant(tenant("www")), 400, "reserved"),
                refused("subdomain admin (reserved)", newTenant(tenant("admin")), 400, "reserved"),
                refused("subdomain api (reserved)", newTenant(tenant("api")), 400, "reserved"),
                refused("subdomain localhost (reserved)", newTenant(tenant("localhost")), 400, "reserved"),
                refused("subdomain taken, in capitals", newTenant(tenant("ACME")), 409, "is taken"),
                refused("subdomain taken, with spaces", newTenant(tenant(" acme ")), 409, "is taken"),
                // Other fields of a new tenant.
                refused("company name of 101 characters", newTenant(json("n".repeat(101), unique(), "a@example.com",
                        "pw", null)), 400, "company_name"),
                refused("admin e-mail with a line break", newTenant(json("Evil", unique(),
                        "a@example.com\\r\\nBcc: b@example.com", "pw", null)), 400, "admin_email"),
                refused("admin password over 72 bytes", newTenant(json("Evil", unique(), "a@example.com",
                        "\u00e9".repeat(37), null)), 400, "72 bytes"),
                refused("plan built for SQL injection", newTenant(json("Evil", unique(), "a@example.com", "pw",
                        "basic' OR '1'='1")), 400, "subscription_plan"),
                // Malformed, huge or wrongly typed JSON.
                refused("JSON cut short", newTenant("{"), 400, NOT_JSON),
                refused("JSON with a missing value", newTenant("{\"company_name\": }"), 400, NOT_JSON),
                refused("JSON array instead of an object", newTenant("[]"), 400, NOT_JSON),
                refused("JSON string instead of an object", newTenant("\"acme\""), 400, NOT_JSON),
                refused("JSON null", newTenant("null"), 400, NOT_JSON),
                refused("objects where strings belong", newTenant("{\"company_name\": [\"x\"], \"subdomain\": "
                        + "{\"$ne\": \"\"}}"), 400, NOT_JSON),
                refused("JSON nested 100,000 deep", newTenant("[".repeat(100_000)), 400, NOT_JSON),
                refused("JSON of 3 MB", newTenant(json("n".repeat(3_000_000), unique(), "a@example.com", "pw",
                        null)), 400, "company_name"),
                refused("bytes that are not UTF-8", on("localhost", "POST", "/api/admin/tenants/", ROOT)
                        .body("application/json", new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1',
                                '}'}), 400, NOT_JSON),
                refused("no body", on("localhost", "POST", "/api/admin/tenants/", ROOT).json(""), 400, NOT_JSON),
                refused("plain text", on("localhost", "POST", "/api/admin/tenants/", ROOT)
                        .body("text/plain", "company_name=x".getBytes(StandardCharsets.UTF_8)), 415, null),
                refused("XML", on("localhost", "POST", "/api/admin/tenants/", ROOT).body("application/xml",
                        "<tenant><subdomain>x</subdomain></tenant>".getBytes(StandardCharsets.UTF_8)), 415, null),
                refused("max_users as a word", patchAcme("{\"max_users\": \"many\"}"), 400, NOT_JSON),
                refused("max_users beyond int", patchAcme("{\"max_users\": 99999999999999}"), 400, null),
                refused("is_active as a word", patchAcme("{\"is_active\": \"maybe\"}"), 400, null),
                refused("plan built for SQL injection in a change",
                        patchAcme("{\"subscription_plan\": \"'; DROP TABLE public.tenants; --\"}"), 400,
                        "subscription_plan"),
                refused("tenant id built for SQL injection", on("localhost", "PATCH",
                        "/api/admin/tenants/1%20OR%201=1/", ROOT).json("{\"is_active\": false}"), 400, "'id'"),
                refused("tenant id beyond long", on("localhost", "GET", "/api/admin/tenants/99999999999999999999/",
                        ROOT), 400, "'id'"),
                refused("filter with an impossible value", on("localhost", "GET", "/api/admin/tenants/?is_active="
                        + "maybe", ROOT), 400, "is_active"),
                // New users' names.
                refused("user name closing a quote", newAcmeUser(user("'; DROP TABLE app_users; --")), 400,
                        "username"),
                refused("user name of 151 characters", newAcmeUser(user("u".repeat(151))), 400, "username"),
                refused("user name with a Cyrillic a (look-alike)", newAcmeUser(user("\u0430dmin@acme.example.com")),
                        400, "username"),
                refused("user name with a NUL character", newAcmeUser(user("jo\\u0000hn")), 400, "username"),
                refused("user's first name of 151 characters", newAcmeUser("{\"username\": \"" + unique()
                        + "\", \"email\": \"j@example.com\", \"password\": \"pw\", \"first_name\": \""
                        + "f".repeat(151) + "\"}"), 400, "first_name"),
                // Host headers.
                refused("Host in capitals", on("ACME.LOCALHOST", "GET", "/api/me", null), 401, SIGN_IN),
                refused("Host with a trailing dot", on("acme.localhost.", "GET", "/api/me", null), 401, SIGN_IN),
                refused("Host with another port", request("GET", "/api/me").header("Host", "acme.localhost:1"),
                        401, SIGN_IN),
                refused("Host with a port that is not a number", request("GET", "/api/me")
                        .header("Host", "acme.localhost:http"), 400, TOMCAT_PAGE),
                refused("Host an IPv4 address", on("127.0.0.1", "GET", "/api/me", null), 404, NO_TENANT),
                refused("Host an IPv6 address", on("[::1]", "GET", "/api/me", null), 400, null),
                refused("Host with a full-width dot", on("acme\uff0elocalhost", "GET", "/api/me", null), 400,
                        TOMCAT_PAGE),
                refused("Host with a Cyrillic a (look-alike)", on("\u0430cme.localhost", "GET", "/api/me", null),
                        400, TOMCAT_PAGE),
                refused("Host in IDNA form of no tenant", on("xn--80ak6aa92e.localhost", "GET", "/api/me", null),
                        404, NO_TENANT),
                refused("Host of no tenant", on("nowhere.localhost", "GET", "/api/me", null), 404, NO_TENANT),
                refused("Host of 300 characters", on("h".repeat(60) + "." + "o".repeat(60) + "." + "s".repeat(60)
                        + "." + "t".repeat(60) + "." + "x".repeat(56) + ".localhost", "GET", "/api/me", null), 400,
                        BAD_HOST),
                refused("Host with a part of 64 characters", on("a".repeat(64) + ".localhost", "GET", "/api/me",
                        null), 400, BAD_HOST),
                refused("Host with user information", on("acme.localhost@globex.localhost", "GET", "/api/me", null),
                        400, TOMCAT_PAGE),
                refused("Host empty", request("GET", "/api/me").header("Host", ""), 400, null),
                refused("no Host", request("GET", "/api/me"), 400, TOMCAT_PAGE),
                refused("two Host headers of two tenants", on("acme.localhost", "GET", "/api/users/", ACME_ADMIN)
                        .header("Host", "globex.localhost:{port}"), 400, TOMCAT_PAGE),
                refused("two Host headers of one tenant", on("acme.localhost", "GET", "/api/users/", ACME_ADMIN)
                        .header("Host", "acme.localhost:{port}"), 400, TOMCAT_PAGE),
                refused("absolute URI of another tenant than the Host", request("GET",
                        "http://globex.localhost:{port}/api/users/").header("Host", "acme.localhost:{port}")
                        .header("Accept", "application/json").as(ACME_ADMIN), 400, TOMCAT_PAGE),
                refused("absolute URI of a tenant, Host of the platform", request("GET",
                        "http://acme.localhost:{port}/api/admin/tenants/").header("Host", "localhost:{port}")
                        .header("Accept", "application/json").as(ROOT), 400, TOMCAT_PAGE),
                // Paths.
                refused("dot segments to a platform endpoint", on("acme.localhost", "GET",
                        "/api/users/../admin/tenants/", ACME_ADMIN), 400, "not valid"),
                refused("encoded dot segments", on("acme.localhost", "GET", "/api/%2e%2e/admin/tenants/",
                        ACME_ADMIN), 400, null),
                refused("path parameter dot segments", on("acme.localhost", "GET", "/api/users/..;/admin/tenants/",
                        ACME_ADMIN), 400, null),
                refused("encoded slashes out of static files", on("acme.localhost", "GET",
                        "/admin/admin.css/..%2f..%2fapplication.properties", null), 400, TOMCAT_PAGE),
                refused("double-encoded dot segments", on("acme.localhost", "GET", "/..%252f..%252fetc/passwd",
                        null), 400, null),
                refused("encoded NUL in the path", on("acme.localhost", "GET", "/api/users/%00", ACME_ADMIN), 400,
                        TOMCAT_PAGE),
                refused("encoded line break in the path", on("acme.localhost", "GET",
                        "/api/me%0d%0aSet-Cookie:%20x=y", null), 400, "not valid"),
                // A session made on Acme's host, carried elsewhere.
                refused("Acme's session on Globex's host", withSession("globex.localhost", "GET", "/api/me"), 401,
                        SIGN_IN),
                refused("Acme's session on the platform host", withSession("localhost", "GET", "/api/me"), 401,
                        SIGN_IN),
                refused("Acme's session listing Globex's users", withSession("globex.localhost", "GET",
                        "/api/users/"), 401, SIGN_IN),
                refused("Acme's session creating a user at Globex", withSession("globex.localhost", "POST",
                        "/api/users/").json(user(unique())), 401, SIGN_IN),
                refused("Acme's session creating a tenant on the platform", withSession("localhost", "POST",
                        "/api/admin/tenants/").json(tenant(unique())), 401, SIGN_IN));
    }

    @BeforeEach
    void signIn() {
        VALUES.put("port", Integer.toString(port));
        VALUES.put("acme", Long.toString(jdbc.queryForObject("SELECT id FROM public.tenants WHERE schema_name = ?",
                Long.class, SampleAppTest.ACME)));
        if (!VALUES.containsKey(ROOT + "-session")) {
            Credentials root = fixture.root();
            signIn(ROOT, "localhost", root.username(), root.password());
            signIn(ACME_ADMIN, "acme.localhost", "admin@acme.example.com", "acme-admin-password");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputIsRefusedWithAClearMessageAndChangesNothing(Case hostile) {
        check(hostile);
    }

    @Test
    void aSubdomainWithTheKelvinSignIsRefused() {
        check(invalid("subdomain with the Kelvin sign (lower-cases to k)", tenant("\u212a" + unique())));
    }

    @Test
    void aCompanyNameWithANulCharacterIsRefused() {
        check(refused("company name with a NUL character", newTenant(json("ac\\u0000me corp", unique(),
                "a@example.com", "pw", null)), 400, "company_name"));
    }

    @Test
    void aChangeOfAReadOnlyFieldIsRefused() {
        check(refused("read-only schema_name in a change", patchAcme("{\"schema_name\": \"public\"}"), 400,
                "schema_name"));
    }

    private void check(Case hostile) {
        String before = jdbc.queryForObject(FINGERPRINT, String.class);

        RawHttp.Answer answer = RawHttp.send(port, hostile.request().bytes(VALUES));

        assertThat(answer.status()).as("%s; answer: %s", hostile.name(), answer.body()).isEqualTo(hostile.status());
        assertThat(answer.body()).as(hostile.name()).contains("\"error\"");
        if (hostile.message() != null) {
            assertThat(answer.body()).as(hostile.name()).contains(hostile.message());
        }
        assertThat(answer.body()).as(hostile.name()).doesNotContain("Exception", "\tat ", "org.postgresql",
                "SQLState");
        assertThat(jdbc.queryForObject(FINGERPRINT, String.class)).as("the database after " + hostile.name())
                .isEqualTo(before);
    }

    /** Signs {@code caller} in with the form on {@code host}, as a browser would, and keeps the session. */
    private void signIn(String caller, String host, String username, String password) {
        RawHttp.Answer form = RawHttp.send(port, on(host, "GET", "/login", null).bytes(VALUES));
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrfOf(form), StandardCharsets.UTF_8);
        RawHttp.Answer signedIn = RawHttp.send(port, on(host, "POST", "/login", null)
                .header("Cookie", "JSESSIONID=" + cookie(form))
                .body("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8)).bytes(VALUES));
        assertThat(signedIn.header("Location")).as("signing in as %s on %s", username, host).endsWith("/api/me");
        VALUES.put(caller + "-session", cookie(signedIn));
        RawHttp.Answer page = RawHttp.send(port, on(host, "GET", "/login", caller).bytes(Map.of("port",
                Integer.toString(port), caller + "-session", VALUES.get(caller + "-session"), caller + "-csrf", "")));
        VALUES.put(caller + "-csrf", csrfOf(page));
        RawHttp.Answer me = RawHttp.send(port, on(host, "GET", "/api/me", caller).bytes(VALUES));
        assertThat(me.status()).as("the session of %s on %s", username, host).isEqualTo(200);
    }

    private static String cookie(RawHttp.Answer answer) {
        List<String> cookies = answer.headers("Set-Cookie");
        return cookies.stream().map(SESSION::matcher).filter(Matcher::find).map(match -> match.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("No session cookie in " + answer.headers()));
    }

    private static String csrfOf(RawHttp.Answer page) {
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("No CSRF token on the sign-in page: " + page.body());
        }
        return token.group(1);
    }

    private static Case invalid(String name, String json) {
        return refused(name, newTenant(json), 400, SUBDOMAIN);
    }

    private static Case refused(String name, HostileRequest request, int status, String message) {
        return new Case(name, request, status, message);
    }

    private static HostileRequest patchAcme(String json) {
        return on("localhost", "PATCH", "/api/admin/tenants/{acme}/", ROOT).json(json);
    }

    private static HostileRequest withSession(String host, String method, String path) {
        return on(host, method, path, ACME_ADMIN);
    }

    /** A new tenant with {@code subdomain}, written into JSON as it is (JSON escapes like {@code \\u0000} work). */
    private static String tenant(String subdomain) {
        return json("Evil Corp", subdomain, "evil@example.com", "evil-password", null);
    }

    private static String json(String company, String subdomain, String email, String password, String plan) {
        return "{\"company_name\": \"" + escapeQuotes(company) + "\", \"subdomain\": \"" + escapeQuotes(subdomain)
                + "\", \"admin_email\": \"" + email + "\", \"admin_password\": \"" + password + "\""
                + (plan == null ? "" : ", \"subscription_plan\": \"" + plan + "\"") + "}";
    }

    private static String user(String username) {
        return "{\"username\": \"" + escapeQuotes(username) + "\", \"email\": \"j@example.com\", \"password\": "
                + "\"pw\"}";
    }

    /** Escapes double quotes only, so that the cases can write JSON escapes such as {@code \\u0000} themselves. */
    private static String escapeQuotes(String text) {
        return text.replace("\"", "\\\"");
    }

    private static String unique() {
        return Names.subdomain("hostile");
    }
}
