package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.ReliabilityDocument;
import dev.tenancy.core.TenancyException;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A fault at every step of a tenant creation, an exception or the process killed with {@code kill -9}: once the next
 * start has recovered ({@link TenantProvisioner#recoverInterrupted()}, which the starter's {@code StartupRecovery}
 * calls), no schema, tenant row, domain or ledger entry of the tenant is left, and the same tenant is then created.
 * The expected outcome of every step × fault is the table "Step × fault" of {@code RELIABILITY.md} (section
 * "Provisioning faults"): this test runs each of its rows and compares what it observes with the row.
 */
@ExtendWith(TestDatabaseExtension.class)
class ProvisioningFaultsTest {

    static final String EXCEPTION = "exception";
    static final String KILL = "kill -9";
    private static final String TABLE = "Step × fault";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static TestDatabase database;
    private static ProvisioningFixture fixture;
    private static TenantProvisioner nextStart;

    @BeforeAll
    static void database(TestDatabase testDatabase) {
        database = testDatabase;
        fixture = new ProvisioningFixture(database, 6);
        nextStart = fixture.provisioner().build();
        nextStart.installSchema();
        nextStart.refreshTemplate();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void noTenantsNoFaults() {
        fixture.reset();
        fixture.sql(CreationStep.REMOVE_FAULTS + "DELETE FROM public.tenancy_schema_versions "
                + "WHERE schema_name = '" + CreationStep.SCHEMA + "'");
    }

    static Stream<Arguments> rows() {
        return ReliabilityDocument.table(TABLE).stream().map(row -> Arguments.of(row.toArray()));
    }

    @Test
    void theTableHasOneRowForEveryStepAndFault() {
        List<String> expected = new ArrayList<>();
        for (CreationStep step : CreationStep.values()) {
            expected.add(step.description() + " / " + EXCEPTION);
            expected.add(step.description() + " / " + KILL);
        }
        assertThat(ReliabilityDocument.table(TABLE)).extracting(row -> row.get(0) + " / " + row.get(1))
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("rows")
    void afterTheNextStartsRecoveryNothingIsLeftAndTheTenantCanBeCreated(String step, String fault, String leftByFault,
            String audit, String leftAfterRecovery) throws Exception {
        CreationStep at = Arrays.stream(CreationStep.values()).filter(s -> s.description().equals(step)).findFirst()
                .orElseThrow(() -> new AssertionError("No creation step is described as '" + step + "'."));
        long auditBefore = Long.parseLong(fixture.string("SELECT coalesce(max(id), 0) FROM public.tenancy_audit"));

        if (fault.equals(KILL)) {
            killDuring(at);
        } else {
            failDuring(at);
        }
        String observedLeft = leftovers();
        nextStart.recoverInterrupted();
        List<String> auditLines = fixture.strings("SELECT action || ' ' || outcome FROM "
                + "public.tenancy_audit WHERE schema_name = 'tenant_fault' AND id > " + auditBefore + " ORDER BY id");
        String observedAudit = auditLines.isEmpty() ? "none" : String.join(", ", auditLines);
        String observedAfterRecovery = leftovers();

        assertThat(List.of(observedLeft, observedAudit, observedAfterRecovery)).as("observed for %s × %s", step, fault)
                .containsExactly(leftByFault, audit, leftAfterRecovery);
        assertThat(observedAfterRecovery).isEqualTo("nothing");
        nextStart.create(TenantRequest.subdomain(CreationStep.SUBDOMAIN).domain("second.fault.test")
                .value("name", "Fault"));
        assertThat(leftovers()).isEqualTo("tenant row ACTIVE, 2 domains, schema at V6, migration ledger row");
    }

    private static void failDuring(CreationStep step) {
        CreationStep.Fault fault = reached -> {
            throw new IllegalStateException("injected at " + reached);
        };
        if (step.inDatabase()) {
            fixture.sql(step.failure());
        }
        TenantProvisioner provisioner = step.provisioner(fixture.pool(), fault);
        assertThatThrownBy(() -> provisioner.create(step.request(fixture.pool(), fault)))
                .isInstanceOf(TenancyException.class).hasMessageContaining("injected");
        fixture.sql(CreationStep.REMOVE_FAULTS);
    }

    /**
     * Runs the creation in a child JVM, waits until it is inside {@code step} (blocked by its listener, or by the
     * lock this test holds), kills it with SIGKILL, and waits until PostgreSQL has ended its sessions.
     */
    private static void killDuring(CreationStep step) throws Exception {
        Connection holder = null;
        Process child = null;
        try {
            if (step.inDatabase()) {
                holder = database.openConnection();
                holder.setAutoCommit(false);
                try (Statement statement = holder.createStatement()) {
                    statement.execute(step.hold());
                }
            }
            child = start(step);
            BlockingQueue<String> output = lines(child);
            List<String> seen = new ArrayList<>();
            if (step.inDatabase()) {
                awaitLine(output, seen, CreationChild.CREATING, child);
                await(() -> "t".equals(fixture.string("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE "
                        + "application_name = '" + CreationChild.APPLICATION_NAME + "' AND wait_event_type = 'Lock')")),
                        "the child to wait for the lock held by the test at " + step);
            } else {
                awaitLine(output, seen, CreationChild.REACHED + step, child);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            if (holder != null) {
                holder.close();
            }
        }
        await(() -> "0".equals(fixture.string("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                + CreationChild.APPLICATION_NAME + "'")), "PostgreSQL to end the killed child's sessions");
    }

    private static Process start(CreationStep step) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), CreationChild.class.getName(), database.jdbcUrl(),
                database.username(), database.password() == null ? "" : database.password(), step.name())
                .redirectErrorStream(true).start();
    }

    private static BlockingQueue<String> lines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output unreadable: " + e.getMessage() + ")");
            }
        }, "creation-child-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void awaitLine(BlockingQueue<String> output, List<String> seen, String wanted, Process child)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            String line = output.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.equals(wanted)) {
                    return;
                }
            } else if (!child.isAlive() && output.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("The child did not print '" + wanted + "'; it printed:\n" + String.join("\n", seen));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Gave up waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** What of the fault tenant is in the database: its row, domains, ledger entry, schema; "nothing" if none. */
    private static String leftovers() {
        List<String> parts = new ArrayList<>();
        String status = fixture.string("SELECT status FROM public.tenants WHERE schema_name = 'tenant_fault'");
        if (status != null) {
            parts.add("tenant row " + status);
        }
        String domains = fixture.string("SELECT count(*) FROM public.domains "
                + "WHERE domain IN ('fault.localhost', 'second.fault.test')");
        if (!"0".equals(domains)) {
            parts.add(domains + " domains");
        }
        if (!fixture.ledger().isEmpty()) {
            parts.add("ledger entry");
        }
        if (fixture.schemaExists(CreationStep.SCHEMA)) {
            boolean history = exists("tenant_fault.flyway_schema_history");
            String version = history ? fixture.string("SELECT max(version::int) FROM "
                    + "tenant_fault.flyway_schema_history WHERE success") : null;
            String users = exists("tenant_fault.users") ? fixture.string("SELECT count(*) FROM tenant_fault.users")
                    : "0";
            parts.add("schema" + (version == null ? " without history" : " at V" + version)
                    + ("0".equals(users) ? "" : " with " + users + " user"));
        }
        if (exists("public.tenancy_schema_versions") && !fixture.strings("SELECT 1 FROM public.tenancy_schema_versions WHERE schema_name = 'tenant_fault'")
                .isEmpty()) {
            parts.add("migration ledger row");
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static boolean exists(String table) {
        return "t".equals(fixture.string("SELECT to_regclass('" + table + "') IS NOT NULL"));
    }
}
