package dev.tenancy.sample.reliability.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.provisioning.TenantInfo;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;
import dev.tenancy.sample.SampleAppTest;
import dev.tenancy.sample.users.AppUser;
import dev.tenancy.sample.users.AppUserRepository;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.json.JsonMapper;

/**
 * Isolation under load (RELIABILITY.md): the sample application under concurrent HTTP load from many keep-alive
 * clients over many tenants, with a mix of reads, writes, failing writes and imports that roll back, imports with
 * savepoint rollbacks, cached reads, async work and sessions carried to other tenants' hosts. Every note is tagged
 * with its tenant (its title starts with the tenant's label) and every answer is checked against the tenant it was
 * sent for: no answer may carry another tenant's data, and afterwards each tenant's table holds exactly its own
 * tagged notes and none of the rolled-back ones.
 *
 * <p>Short mode (the build): 64 clients, 100 tenants, 20 seconds. Long mode: {@code -Dtenancy.load.requests=1000000};
 * also {@code tenancy.load.clients}, {@code tenancy.load.tenants}, {@code tenancy.load.seconds}. The figures are
 * printed and written to {@code target/isolation-under-load.txt}.
 */
@SampleAppTest
class IsolationUnderLoadTest {

    private static final int CLIENTS = Integer.getInteger("tenancy.load.clients", 64);
    private static final int TENANTS = Integer.getInteger("tenancy.load.tenants", 100);
    private static final long REQUESTS = Long.getLong("tenancy.load.requests", Long.MAX_VALUE);
    private static final long SECONDS = Long.getLong("tenancy.load.seconds",
            REQUESTS == Long.MAX_VALUE ? 20 : TimeUnit.DAYS.toSeconds(1));
    private static final String PASSWORD = "load-password";
    private static final String ACTOR = "isolation-under-load";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TenantProvisioner provisioner;

    @Autowired
    AppUserRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcTemplate jdbc;

    private String hash;

    @Test
    void noTenantSeesAnotherTenantsDataUnderConcurrentLoad() throws Exception {
        List<LoadTenant> tenants = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            tenants.add(new LoadTenant(i));
        }
        ExecutorService setUp = Executors.newFixedThreadPool(4);
        try {
            inParallel(setUp, tenants, this::create);
            inParallel(setUp, tenants, this::signIn);
            LoadRun run = run(tenants);
            LoadReport report = new LoadReport(run, tenants.size(), CLIENTS, jdbc);
            report.print();
            assertThat(run.tally().foreign()).as("answers carrying another tenant's data; " + run.tally().examples())
                    .isZero();
            assertThat(run.tally().errors()).as("unexpected answers; " + run.tally().examples()).isEmpty();
            assertEveryTenantHoldsExactlyItsOwnNotes(tenants, run.uncertainWrites());
        } finally {
            inParallel(setUp, tenants, this::delete);
            setUp.shutdownNow();
        }
    }

    /** Who ran, how long, and what they saw. */
    record LoadRun(LoadTally tally, double seconds, long connections, long uncertainWrites, double loadBefore,
            double loadAfter) {
    }

    private LoadRun run(List<LoadTenant> tenants) throws Exception {
        LoadTally tally = new LoadTally();
        AtomicLong remaining = new AtomicLong(REQUESTS);
        LongAdder uncertain = new LongAdder();
        double loadBefore = LoadReport.loadAverage();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(SECONDS);
        List<LoadClient> clients = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                LoadClient client = new LoadClient(c, port, tenants, tally, remaining, deadline, uncertain);
                clients.add(client);
                running.add(threads.submit(client));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            threads.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long connections = clients.stream().mapToLong(LoadClient::connectionsOpened).sum();
        return new LoadRun(tally, seconds, connections, uncertain.sum(), loadBefore, LoadReport.loadAverage());
    }

    private void assertEveryTenantHoldsExactlyItsOwnNotes(List<LoadTenant> tenants, long uncertainWrites) {
        SoftAssertions softly = new SoftAssertions();
        for (LoadTenant tenant : tenants) {
            long[] counts = jdbc.queryForObject("SELECT count(*), count(*) FILTER (WHERE NOT starts_with(title, ?) "
                    + "OR author <> ?), count(*) FILTER (WHERE title LIKE '%rollback-%') FROM "
                    + SchemaName.of(tenant.schema).quoted() + ".notes", (row, number) -> new long[] {row.getLong(1),
                            row.getLong(2), row.getLong(3)}, tenant.tag(), tenant.username);
            softly.assertThat(counts[1]).as("notes of other tenants in " + tenant.schema).isZero();
            softly.assertThat(counts[2]).as("rolled-back notes in " + tenant.schema).isZero();
            if (uncertainWrites == 0) {
                softly.assertThat(counts[0]).as("notes in " + tenant.schema).isEqualTo(tenant.expectedNotes());
            } else {
                softly.assertThat(counts[0]).as("notes in " + tenant.schema).isGreaterThanOrEqualTo(
                        tenant.expectedNotes());
            }
        }
        softly.assertThat(jdbc.queryForObject("SELECT to_regclass('public.notes') IS NULL", Boolean.class))
                .as("no notes table in public").isTrue();
        for (String schema : List.of(SampleAppTest.ACME, SampleAppTest.GLOBEX)) {
            softly.assertThat(jdbc.queryForObject("SELECT count(*) FROM " + SchemaName.of(schema).quoted()
                    + ".notes", Long.class)).as("notes in " + schema + ", which the load never calls").isZero();
        }
        softly.assertAll();
    }

    /** Creates the tenant (schema, row, domain) with its user and its seed note, as the platform would. */
    private void create(LoadTenant tenant) {
        String hash = passwordHash();
        TenantInfo created = Tenants.callInPublic(() -> provisioner.create(TenantRequest.subdomain(tenant.label)
                .value("name", "Load tenant " + tenant.index)
                .value("contact_email", tenant.username + "@example.com")
                .setUp(info -> {
                    users.save(new AppUser(tenant.username, tenant.username + "@example.com", hash));
                    jdbc.update("INSERT INTO notes (title, author) VALUES (?, ?)", tenant.seedTitle(),
                            tenant.username);
                })
                .actor(ACTOR)));
        assertThat(created.schema().value()).isEqualTo(tenant.schema);
        assertThat(created.primaryDomain()).isEqualTo(tenant.host);
    }

    /** Deletes the tenant and drops its schema, if it was created. */
    private void delete(LoadTenant tenant) {
        if (jdbc.queryForObject("SELECT count(*) FROM public.tenants WHERE schema_name = ?", Long.class,
                tenant.schema) > 0) {
            Tenants.runInPublic(() -> provisioner.deleteAndDropSchema(SchemaName.of(tenant.schema), ACTOR));
        }
    }

    /** One BCrypt hash shared by every load user (each costs ~80 ms of CPU). */
    private synchronized String passwordHash() {
        if (hash == null) {
            hash = passwords.encode(PASSWORD);
        }
        return hash;
    }

    /** Signs the tenant's user in once at {@code POST /api/login}; every client then shares that session. */
    private void signIn(LoadTenant tenant) throws Exception {
        try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
            KeepAliveConnection.Answer answer = connection.send("POST", tenant.host, "/api/login", null, null,
                    "{\"username\":\"" + tenant.username + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(answer.status()).as("sign-in of " + tenant.username + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.sessionId()).as("session cookie of " + tenant.username).isNotNull();
            tenant.signedIn(answer.sessionId(), JSON.readTree(answer.body()).get("csrf_token").asString());
        }
    }

    private interface TenantStep {
        void run(LoadTenant tenant) throws Exception;
    }

    private static void inParallel(ExecutorService threads, List<LoadTenant> tenants, TenantStep step)
            throws Exception {
        List<Future<?>> steps = new ArrayList<>();
        for (LoadTenant tenant : tenants) {
            steps.add(threads.submit(() -> {
                step.run(tenant);
                return null;
            }));
        }
        for (Future<?> done : steps) {
            done.get();
        }
    }
}
