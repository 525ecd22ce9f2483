package dev.tenancy.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.directory.TenantDirectory.TenantRecord;
import dev.tenancy.core.model.TenantMixin.TenantStatus;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.time.Duration;

@ExtendWith(TestDatabaseExtension.class)
class TenantDirectoryTest {

    private static TenantFixture fixture;

    @BeforeAll
    static void tenantsWithDomains(TestDatabase database) throws Exception {
        fixture = new TenantFixture(database, 2);
        fixture.createTenant("tenant_acme");
        fixture.createTenant("tenant_globex");
        fixture.sql("UPDATE public.tenants SET status = 'INACTIVE' WHERE schema_name = 'tenant_globex'");
        DomainStore domains = new DomainStore(TenantTables.defaults());
        try (Connection connection = fixture.pool().getConnection()) {
            domains.add(connection, 1, "acme.localhost", true);
            domains.add(connection, 1, "www.acme.example.com", false);
            domains.add(connection, 1, "acme.example.com", false);
            domains.add(connection, 2, "globex.localhost", true);
        }
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static TenantDirectory directory() {
        return TenantDirectory.builder(fixture.pool()).build();
    }

    @Test
    void resolvesAHostHeaderToItsTenant() {
        TenantDirectory directory = directory();
        assertThat(directory.resolve("ACME.localhost:8000")).hasValueSatisfying(tenant -> {
            assertThat(tenant.schema()).isEqualTo(SchemaName.of("tenant_acme"));
            assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
            assertThat(tenant.isServed()).isTrue();
        });
    }

    @Test
    void reportsTheStatusOfTenantsThatAreNotServed() {
        assertThat(directory().resolve("globex.localhost")).hasValueSatisfying(tenant -> {
            assertThat(tenant.status()).isEqualTo(TenantStatus.INACTIVE);
            assertThat(tenant.isServed()).isFalse();
        });
    }

    @Test
    void aLeadingWwwIsIgnoredButAnExactMatchWins() {
        TenantDirectory directory = directory();
        assertThat(directory.resolve("www.acme.localhost")).map(TenantRecord::schema)
                .contains(SchemaName.of("tenant_acme"));
        assertThat(directory.resolve("www.acme.example.com")).isPresent();
        assertThat(directory.resolve("www.globex.localhost")).map(TenantRecord::schema)
                .contains(SchemaName.of("tenant_globex"));
    }

    @Test
    void unknownHostsResolveToNothing() {
        assertThat(directory().resolve("nobody.localhost")).isEmpty();
    }

    @Test
    void invalidHostsAreRejectedBeforeAnyQuery() {
        TenantDirectory directory = directory();
        assertThatThrownBy(() -> directory.resolve("bad host")).isInstanceOf(InvalidInputException.class);
        assertThat(directory.databaseLookups()).isZero();
    }

    @Test
    void aCacheHitNeedsNoQuery() {
        TenantDirectory directory = directory();
        directory.resolve("acme.localhost");
        directory.resolve("ACME.LOCALHOST:8000");
        directory.resolve("acme.localhost.");
        directory.resolve("nobody.localhost");
        directory.resolve("nobody.localhost");
        assertThat(directory.databaseLookups()).isEqualTo(2);
        assertThat(directory.cacheHits()).isEqualTo(3);
    }

    @Test
    void evictionMakesTheNextLookupReadTheDatabase() {
        TenantDirectory directory = directory();
        directory.resolve("acme.localhost");
        directory.evict("acme.localhost");
        directory.resolve("acme.localhost");
        directory.evictTenant(SchemaName.of("tenant_acme"));
        directory.resolve("acme.localhost");
        directory.evictAll();
        directory.resolve("acme.localhost");
        assertThat(directory.databaseLookups()).isEqualTo(4);
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        TenantDirectory directory = TenantDirectory.builder(fixture.pool()).timeToLive(Duration.ZERO).build();
        directory.resolve("acme.localhost");
        directory.resolve("acme.localhost");
        assertThat(directory.databaseLookups()).isEqualTo(2);
    }

    @Test
    void findsATenantByItsSchema() {
        assertThat(directory().findBySchema(SchemaName.of("tenant_acme"))).map(TenantRecord::id).contains(1L);
        assertThat(directory().findBySchema(SchemaName.of("tenant_nobody"))).isEmpty();
    }
}
