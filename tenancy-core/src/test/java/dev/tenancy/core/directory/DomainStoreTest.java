package dev.tenancy.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.TenantConflictException;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.directory.DomainStore.DomainRecord;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

@ExtendWith(TestDatabaseExtension.class)
class DomainStoreTest {

    private static TenantFixture fixture;
    private static final DomainStore domains = new DomainStore(TenantTables.defaults());
    private long acme;
    private long globex;

    @BeforeAll
    static void createTables(TestDatabase database) {
        fixture = new TenantFixture(database, 2);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void twoTenantsWithoutDomains() throws SQLException {
        fixture.sql("TRUNCATE public.tenants CASCADE");
        fixture.createTenant("tenant_acme_" + System.nanoTime() % 100000);
        fixture.createTenant("tenant_globex_" + System.nanoTime() % 100000);
        try (Connection connection = fixture.pool().getConnection()) {
            List<String> ids = TenantFixture.strings(connection, "SELECT id FROM public.tenants ORDER BY id");
            acme = Long.parseLong(ids.get(0));
            globex = Long.parseLong(ids.get(1));
        }
    }

    private List<String> primaries(Connection connection, long tenant) throws SQLException {
        return domains.list(connection, tenant).stream().filter(DomainRecord::primary).map(DomainRecord::domain)
                .toList();
    }

    @Test
    void theFirstDomainIsPrimaryAndLaterOnesAreNot() throws SQLException {
        try (Connection connection = fixture.pool().getConnection()) {
            assertThat(domains.add(connection, acme, "acme.localhost", false).primary()).isTrue();
            assertThat(domains.add(connection, acme, "acme.example.com", false).primary()).isFalse();
            assertThat(primaries(connection, acme)).containsExactly("acme.localhost");
        }
    }

    @Test
    void addingAPrimaryDomainDemotesTheOldOne() throws SQLException {
        try (Connection connection = fixture.pool().getConnection()) {
            domains.add(connection, acme, "acme.localhost", true);
            domains.add(connection, acme, "acme.example.com", true);
            assertThat(primaries(connection, acme)).containsExactly("acme.example.com");
        }
    }

    @Test
    void makingAnotherDomainPrimaryDemotesTheOldOne() throws SQLException {
        try (Connection connection = fixture.pool().getConnection()) {
            domains.add(connection, acme, "acme.localhost", false);
            domains.add(connection, acme, "acme.example.com", false);
            domains.makePrimary(connection, "ACME.example.com");
            assertThat(primaries(connection, acme)).containsExactly("acme.example.com");
        }
    }

    @Test
    void removingThePrimaryPromotesTheOldestRemaining() throws SQLException {
        try (Connection connection = fixture.pool().getConnection()) {
            domains.add(connection, acme, "acme.localhost", false);
            domains.add(connection, acme, "second.acme.com", false);
            domains.add(connection, acme, "third.acme.com", false);
            assertThat(domains.remove(connection, "acme.localhost")).isTrue();
            assertThat(primaries(connection, acme)).containsExactly("second.acme.com");
            assertThat(domains.remove(connection, "nothing.example.com")).isFalse();
        }
    }

    @Test
    void hostsAreStoredNormalised() throws SQLException {
        try (Connection connection = fixture.pool().getConnection()) {
            DomainRecord record = domains.add(connection, acme, "Acme.Example.COM.:8443", false);
            assertThat(record.domain()).isEqualTo("acme.example.com");
            assertThat(domains.find(connection, "acme.example.com")).contains(record);
        }
    }

    @Test
    void aDomainOwnedByAnotherTenantIsRefusedAndNothingIsWritten() throws SQLException {
        try (Connection connection = fixture.pool().getConnection()) {
            domains.add(connection, acme, "shared.example.com", false);
            assertThatThrownBy(() -> domains.add(connection, globex, "SHARED.example.com", true))
                    .isInstanceOf(TenantConflictException.class).hasMessageContaining("shared.example.com");
            assertThat(domains.list(connection, globex)).isEmpty();
            assertThat(primaries(connection, acme)).containsExactly("shared.example.com");
        }
    }

    @Test
    void theDatabaseRefusesTwoPrimariesForOneTenant() throws SQLException {
        try (Connection connection = fixture.pool().getConnection()) {
            domains.add(connection, acme, "acme.localhost", false);
            assertThatThrownBy(() -> fixture.sql("INSERT INTO public.domains (domain, tenant_id, is_primary) "
                    + "VALUES ('other.acme.com', " + acme + ", true)")).hasRootCauseInstanceOf(SQLException.class);
        }
    }
}
