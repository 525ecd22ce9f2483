package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library's own work (migrations, provisioning) borrows from the application's pool, where a tenant connection's
 * close left that tenant's path: {@link TenantAwareDataSource#forLibraryWork} hands out connections on the shared
 * path only, committed, so they read the shared schema's rows and never a tenant's.
 */
@ExtendWith(TestDatabaseExtension.class)
class LibraryWorkPathTest {

    private static TestDatabase database;
    private static TenantFixture fixture;
    private static SchemaName acme;

    @BeforeAll
    static void aTenantAndPublicWithNotes(TestDatabase testDatabase) {
        database = testDatabase;
        fixture = new TenantFixture(testDatabase, 1);
        acme = fixture.createTenant("tenant_acme");
        fixture.sql("CREATE TABLE public.notes (id serial PRIMARY KEY, tenant text NOT NULL, body text);"
                + "INSERT INTO public.notes (tenant, body) VALUES ('public', 'public');"
                + "INSERT INTO tenant_acme.notes (tenant, body) VALUES ('tenant_acme', 'acme');"
                + "CREATE SCHEMA extensions");
    }

    @AfterAll
    static void closePool() {
        fixture.close();
    }

    @Test
    void aPooledConnectionLeftOnATenantsPathReadsOnlyTheSharedSchemaInLibraryWork() throws Exception {
        TenantAwareDataSource tenantAware = TenantAwareDataSource.builder(fixture.pool())
                .extraSchemas(List.of("extensions")).build();
        leaveThePooledConnectionOnAcme(tenantAware);

        for (DataSource libraryWork : List.of(TenantAwareDataSource.forLibraryWork(tenantAware, "ignored"),
                TenantAwareDataSource.forLibraryWork(fixture.pool(), "public"))) {
            try (Connection connection = libraryWork.getConnection()) {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("public");
            }
            leaveThePooledConnectionOnAcme(tenantAware);
        }
        try (Connection connection = TenantAwareDataSource.forLibraryWork(tenantAware, "ignored").getConnection()) {
            assertThat(strings(connection, "SHOW search_path")).as("the data source's own shared path")
                    .containsExactly("public, extensions");
        }
    }

    @Test
    void aRollbackInLibraryWorkCannotBringTheTenantsPathBack() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(1);
        config.setAutoCommit(false);
        try (HikariDataSource manualCommit = new HikariDataSource(config)) {
            TenantAwareDataSource tenantAware = TenantAwareDataSource.wrap(manualCommit);
            Tenants.run(acme, () -> {
                try (Connection connection = tenantAware.getConnection()) {
                    assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme");
                    connection.commit();
                }
            });
            try (Connection connection = TenantAwareDataSource.forLibraryWork(tenantAware, "public")
                    .getConnection()) {
                connection.rollback();
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("public");
            }
        }
    }

    @Test
    void credentialsGivenInLibraryWorkReachThePool() throws Exception {
        PGSimpleDataSource unpooled = new PGSimpleDataSource();
        unpooled.setUrl(database.jdbcUrl());
        try (Connection connection = TenantAwareDataSource.forLibraryWork(unpooled, "public")
                .getConnection(database.username(), database.password())) {
            assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("public");
        }
    }

    @Test
    void libraryWorkIsWrappedOnceAndPassesThePoolsLoginTimeoutOn() throws Exception {
        PGSimpleDataSource unpooled = new PGSimpleDataSource();
        DataSource libraryWork = TenantAwareDataSource.forLibraryWork(unpooled, "public");
        assertThat(TenantAwareDataSource.forLibraryWork(libraryWork, "public")).isSameAs(libraryWork);

        libraryWork.setLoginTimeout(13);
        assertThat(unpooled.getLoginTimeout()).isEqualTo(13);
        assertThat(libraryWork.getLoginTimeout()).isEqualTo(13);
        assertThat(libraryWork.getParentLogger()).isSameAs(unpooled.getParentLogger());
        assertThat(libraryWork.unwrap(PGSimpleDataSource.class)).isSameAs(unpooled);
        assertThat(libraryWork.unwrap(DataSource.class)).isSameAs(libraryWork);
        assertThat(libraryWork.isWrapperFor(PGSimpleDataSource.class)).isTrue();
        assertThat(libraryWork.isWrapperFor(DataSource.class)).isTrue();
        assertThat(libraryWork.isWrapperFor(HikariDataSource.class)).isFalse();
    }

    private static void leaveThePooledConnectionOnAcme(TenantAwareDataSource tenantAware) throws Exception {
        Tenants.run(acme, () -> {
            try (Connection connection = tenantAware.getConnection()) {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme");
            }
        });
        try (Connection raw = fixture.pool().getConnection()) {
            assertThat(strings(raw, "SHOW search_path")).singleElement().asString().startsWith("\"tenant_acme\", ");
        }
    }
}
