package dev.tenancy.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.testapp.TestApplication;
import dev.tenancy.core.jdbc.TenantAwareDataSource;

import com.zaxxer.hikari.HikariDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;

/**
 * Database faults over real HTTP, against a PostgreSQL server of this test's own ({@link RestartablePostgres}):
 * the server restarted under load, the pool exhausted, a tenant's schema gone. Requests that cannot be served get
 * 503 with a plain message (no stack trace, no SQL, no schema name), never another tenant's rows, and service comes
 * back by itself once the server is. Section "Database faults" of {@code RELIABILITY.md}. The context, which no other
 * test shares, is closed afterwards.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=1000",
        "spring.datasource.hikari.validation-timeout=500"})
@ContextConfiguration(initializers = RestartablePostgres.class)
@DirtiesContext
class DatabaseFaultsTest {

    private static final String UNAVAILABLE = "{\"error\":\"" + DatabaseUnavailableFilter.MESSAGE + "\"}";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private final RestClient http = RestClient.builder().requestFactory(requestFactory()).build();

    /** An answer: status and body. */
    private record Answer(int status, String body) {
    }

    private static HttpComponentsClientHttpRequestFactory requestFactory() {
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory();
        factory.setConnectionRequestTimeout(PATIENCE);
        factory.setReadTimeout(PATIENCE);
        return factory;
    }

    @Test
    void aRestartUnderLoadGives503sNoForeignRowsAndServiceReturnsWithinTenSeconds() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger written = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        try {
            for (String tenant : List.of("alpha", "beta")) {
                load.submit(() -> {
                    while (running.get()) {
                        record(read(tenant), tenant, statuses, wrong);
                    }
                    return null;
                });
                load.submit(() -> {
                    while (running.get()) {
                        Answer answer = write(tenant, tenant + "-" + written.incrementAndGet());
                        record(answer, tenant, statuses, wrong);
                    }
                    return null;
                });
            }
            Supplier<String> seen = () -> " (answers so far: " + statuses + ", wrong ones: "
                    + wrong.stream().limit(3).toList() + ")";
            await(() -> count(statuses, 200) > 20, () -> "the load to be served" + seen.get());

            RestartablePostgres.stop();
            int servedBeforeStop = count(statuses, 200);
            await(() -> count(statuses, 503) > 10, () -> "requests to be refused with 503 while the server is down" + seen.get());
            RestartablePostgres.start();
            Instant back = Instant.now();
            int refusedWhileDown = count(statuses, 503);
            await(() -> count(statuses, 200) > servedBeforeStop + 20, () -> "service to return" + seen.get());
            Duration returnedAfter = Duration.between(back, Instant.now());

            running.set(false);
            load.shutdown();
            System.out.println("Restart under load: " + statuses + " answers, " + refusedWhileDown + " refused with 503 "
                    + "before the server was back, served again " + returnedAfter.toMillis() + " ms after it was.");
            assertThat(load.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(wrong).as("answers that are neither the tenant's own rows nor the plain 503").isEmpty();
            assertThat(statuses.keySet()).containsOnly(200, 503);
            assertThat(refusedWhileDown).isPositive();
            assertThat(returnedAfter).as("time from the server's return to the service's").isLessThan(
                    Duration.ofSeconds(10));
        } finally {
            running.set(false);
            load.shutdownNow();
            RestartablePostgres.ensureStarted();
        }
        JdbcTemplate raw = raw();
        assertThat(raw.queryForList("SELECT body FROM tenant_alpha.notes", String.class))
                .allSatisfy(body -> assertThat(body).startsWith("alpha"));
        assertThat(raw.queryForList("SELECT body FROM tenant_beta.notes", String.class))
                .allSatisfy(body -> assertThat(body).startsWith("beta"));
    }

    @Test
    void anExhaustedPoolMakesRequestsWaitThen503NeverHang() throws Exception {
        HikariDataSource pool = dataSource.unwrap(TenantAwareDataSource.class).target().unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            Answer refused = read("alpha");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).isEqualTo(UNAVAILABLE);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        Answer served = read("alpha");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).contains("alpha note");
    }

    @Test
    void aTenantWhoseSchemaIsGoneGets503AndTheOthersAreServed() throws Exception {
        JdbcTemplate raw = raw();
        raw.execute("CREATE TABLE public.notes (id bigserial PRIMARY KEY, body text)");
        raw.update("INSERT INTO public.notes (body) VALUES ('public note')");
        raw.execute("ALTER SCHEMA tenant_beta RENAME TO tenant_beta_away");
        try {
            Answer beta = read("beta");
            assertThat(beta.status()).isEqualTo(503);
            assertThat(beta.body()).isEqualTo("{\"error\":\"" + MissingSchemaFilter.MESSAGE + "\"}");
            Answer alpha = read("alpha");
            assertThat(alpha.status()).isEqualTo(200);
            assertThat(alpha.body()).contains("alpha note").doesNotContain("public note");
        } finally {
            raw.execute("ALTER SCHEMA tenant_beta_away RENAME TO tenant_beta");
            raw.execute("DROP TABLE public.notes");
        }
        assertThat(read("beta").body()).contains("beta note");
    }

    private JdbcTemplate raw() throws Exception {
        return new JdbcTemplate(dataSource.unwrap(TenantAwareDataSource.class).target());
    }

    private Answer read(String tenant) {
        return send(HttpMethod.GET, tenant, null);
    }

    private Answer write(String tenant, String body) {
        return send(HttpMethod.POST, tenant, body);
    }

    /** Sends the request to {@code /notes/jdbc} on the tenant's host; waits at most {@link #PATIENCE} for the answer. */
    private Answer send(HttpMethod method, String tenant, String body) {
        RestClient.RequestBodySpec request = http.method(method).uri("http://127.0.0.1:" + port + "/notes/jdbc")
                .header(HttpHeaders.HOST, tenant + ".example.com").accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.TEXT_PLAIN).body(body);
        }
        return request.exchange((sent, response) -> new Answer(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    /**
     * Counts the answer's status and keeps it when it is wrong: a 200 must show only the tenant's own notes (or say a
     * note was added), a 503 exactly the plain message; anything else is kept too.
     */
    private static void record(Answer answer, String tenant, Map<Integer, AtomicInteger> statuses,
            ConcurrentLinkedQueue<String> wrong) {
        statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
        String body = answer.body();
        boolean right = switch (answer.status()) {
            case 200 -> body.equals("added") || ownNotesOnly(body, tenant);
            case 503 -> body.equals(UNAVAILABLE);
            default -> false;
        };
        if (!right) {
            wrong.add(tenant + ": " + answer.status() + " " + body);
        }
    }

    private static boolean ownNotesOnly(String body, String tenant) {
        if (!body.startsWith("[\"") || !body.endsWith("\"]")) {
            return false;
        }
        for (String note : body.substring(2, body.length() - 2).split("\",\"")) {
            if (!note.startsWith(tenant)) {
                return false;
            }
        }
        return true;
    }

    private static int count(Map<Integer, AtomicInteger> statuses, int status) {
        AtomicInteger counter = statuses.get(status);
        return counter == null ? 0 : counter.get();
    }

    private static void await(BooleanSupplier condition, Supplier<String> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Gave up waiting for " + what.get());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
