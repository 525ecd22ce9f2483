package dev.tenancy.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;
import dev.tenancy.core.directory.TenantDirectory;
import dev.tenancy.core.model.TenantMixin.TenantStatus;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Two instances on one database: instance 1 changes tenants through its provisioner; instance 2's directory, warm and
 * with a time-to-live far longer than the test, hears the change through {@link TenantDirectory#listenForChanges}.
 */
@ExtendWith(TestDatabaseExtension.class)
class DirectoryNotificationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final SchemaName ACME = SchemaName.of("tenant_acme");
    private static final SchemaName GLOBEX = SchemaName.of("tenant_globex");

    private static ProvisioningFixture fixture;
    private static TestDatabase database;
    private TenantProvisioner instanceOne;
    private TenantDirectory instanceTwo;
    private AutoCloseable listener;

    @BeforeAll
    static void database(TestDatabase testDatabase) {
        database = testDatabase;
        fixture = new ProvisioningFixture(testDatabase, 4);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void twoInstances() {
        fixture.reset();
        TenantDirectory directoryOne = TenantDirectory.builder(fixture.pool()).build();
        instanceOne = fixture.provisioner().directory(directoryOne).build();
        instanceOne.create(TenantRequest.subdomain("acme").value("name", "Acme"));
        instanceOne.create(TenantRequest.subdomain("globex").value("name", "Globex"));
        instanceTwo = TenantDirectory.builder(fixture.pool()).timeToLive(Duration.ofHours(1))
                .missingTimeToLive(Duration.ofHours(1)).build();
        listener = instanceTwo.listenForChanges(
                () -> DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password()));
        awaitTrue("the listener listens", instanceTwo::listeningForChanges);
        assertThat(schemaOf("acme.localhost")).contains(ACME);
        assertThat(schemaOf("globex.localhost")).contains(GLOBEX);
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
    }

    @Test
    void aDomainMovedOnOneInstanceIsServedByItsNewTenantOnTheOther() {
        instanceOne.addDomain(ACME, "shop.example.com", false, "alice");
        assertThat(schemaOf("shop.example.com")).contains(ACME);

        instanceOne.removeDomain("shop.example.com", "alice");
        instanceOne.addDomain(GLOBEX, "shop.example.com", false, "alice");

        await("the moved domain serves globex", () -> schemaOf("shop.example.com"), Optional.of(GLOBEX));
    }

    @Test
    void aTenantDeactivatedOnOneInstanceIsRefusedOnTheOther() {
        instanceOne.deactivate(ACME, "alice");

        await("acme is inactive", () -> instanceTwo.resolve("acme.localhost").map(TenantRecord::status),
                Optional.of(TenantStatus.INACTIVE));
    }

    @Test
    void aDomainRemovedOnOneInstanceResolvesToNothingOnTheOther() {
        instanceOne.removeDomain("acme.localhost", "alice");

        await("acme.localhost resolves to nothing", () -> schemaOf("acme.localhost"), Optional.empty());
    }

    @Test
    void anAnnouncementInATransactionThatRollsBackEvictsNothing() throws Exception {
        long lookups = instanceTwo.databaseLookups();
        try (Connection connection = fixture.pool().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("UPDATE public.tenants SET status = 'INACTIVE' WHERE schema_name = 'tenant_acme'");
            }
            TenantDirectory.announceChange(connection, ACME, List.of("acme.localhost"));
            connection.rollback();
            connection.setAutoCommit(true);
        }
        instanceOne.deactivate(GLOBEX, "alice");

        await("globex is inactive", () -> instanceTwo.resolve("globex.localhost").map(TenantRecord::status),
                Optional.of(TenantStatus.INACTIVE));
        assertThat(instanceTwo.resolve("acme.localhost").map(TenantRecord::status)).contains(TenantStatus.ACTIVE);
        assertThat(instanceTwo.databaseLookups()).as("only globex was read again").isEqualTo(lookups + 1);
    }

    @Test
    void aDroppedListenerConnectionReconnectsAndKeepsWorking() {
        List<String> before = listenerBackends();
        assertThat(before).hasSize(1);
        fixture.sql("SELECT pg_terminate_backend(" + before.get(0) + ")");

        awaitTrue("a new listener connection listens", () -> instanceTwo.listeningForChanges()
                && !listenerBackends().isEmpty() && !listenerBackends().equals(before));
        assertThat(schemaOf("acme.localhost")).contains(ACME);
        instanceOne.removeDomain("acme.localhost", "alice");

        await("acme.localhost resolves to nothing", () -> schemaOf("acme.localhost"), Optional.empty());
    }

    private Optional<SchemaName> schemaOf(String host) {
        return instanceTwo.resolve(host).map(TenantRecord::schema);
    }

    private static List<String> listenerBackends() {
        return fixture.strings("SELECT pid::text FROM pg_stat_activity WHERE query = 'LISTEN "
                + TenantDirectory.CHANGE_CHANNEL + "' AND datname = current_database()");
    }

    private static <T> void await(String what, Supplier<T> actual, T expected) {
        awaitTrue(what, () -> expected.equals(actual.get()));
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + DEADLINE).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
