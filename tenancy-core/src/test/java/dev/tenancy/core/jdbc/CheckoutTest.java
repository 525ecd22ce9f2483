package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.string;
import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.TenantSchemaMissingException;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Handing a connection out: the served tenant's path is in force before the caller gets the connection, a tenant
 * (or a shared schema) that does not exist is refused right there and the pooled connection goes back to the pool,
 * and the data source passes its settings on to the pool it wraps.
 */
@ExtendWith(TestDatabaseExtension.class)
class CheckoutTest {

    private static TestDatabase database;
    private static TenantFixture fixture;
    private static HikariDataSource onePool;
    private static SchemaName acme;

    @BeforeAll
    static void oneTenantAndAPoolOfOne(TestDatabase testDatabase) {
        database = testDatabase;
        fixture = new TenantFixture(testDatabase, 1);
        acme = fixture.createTenant("tenant_acme");
        fixture.sql("CREATE TABLE public.notes (id serial PRIMARY KEY, tenant text NOT NULL, body text);"
                + "INSERT INTO public.notes (tenant, body) VALUES ('public', 'public');"
                + "INSERT INTO tenant_acme.notes (tenant, body) VALUES ('tenant_acme', 'acme')");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(testDatabase.jdbcUrl());
        config.setUsername(testDatabase.username());
        config.setPassword(testDatabase.password());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(2_000);
        onePool = new HikariDataSource(config);
    }

    @AfterAll
    static void closePools() {
        onePool.close();
        fixture.close();
    }

    @Test
    void aTenantWhoseSchemaIsMissingIsRefusedWhenTheConnectionIsHandedOutAndThePoolGetsItBack() throws Exception {
        TenantAwareDataSource dataSource = TenantAwareDataSource.wrap(onePool);
        SchemaName missing = SchemaName.of("tenant_never_created");
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> Tenants.call(missing, () -> dataSource.getConnection()))
                    .isInstanceOf(TenantSchemaMissingException.class)
                    .satisfies(e -> assertThat(((TenantSchemaMissingException) e).schema())
                            .isEqualTo("tenant_never_created"));
            assertThatThrownBy(() -> dataSource.getConnection(missing))
                    .isInstanceOf(TenantSchemaMissingException.class);
        }
        Tenants.run(acme, () -> {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("acme");
            }
        });
    }

    @Test
    void aSharedSchemaThatDoesNotExistIsRefusedNamingTheSetting() {
        TenantAwareDataSource dataSource = TenantAwareDataSource.builder(onePool).sharedSchema("shared_gone")
                .build();
        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOfSatisfying(TenantSchemaMissingException.class,
                        e -> assertThat(e.schema()).as("no tenant's schema is missing").isNull())
                .hasMessageContaining("shared schema 'shared_gone' does not exist");
    }

    @Test
    void theServedTenantsPathIsInForceBeforeTheFirstStatement() throws Exception {
        TenantAwareDataSource dataSource = TenantAwareDataSource.wrap(fixture.pool());
        try (Connection connection = Tenants.call(acme, () -> dataSource.getConnection())) {
            Connection driver = (Connection) connection.unwrap(PGConnection.class);
            assertThat(strings(driver, "SELECT body FROM notes"))
                    .as("read on the driver's connection, past every check of the tenant connection")
                    .containsExactly("acme");
        }
    }

    @Test
    void credentialsGivenToGetConnectionReachThePoolAndTheConnectionFollowsTheTenant() throws Exception {
        PGSimpleDataSource unpooled = new PGSimpleDataSource();
        unpooled.setUrl(database.jdbcUrl());
        TenantAwareDataSource dataSource = TenantAwareDataSource.wrap(unpooled);
        try (Connection connection = dataSource.getConnection(database.username(), database.password())) {
            assertThat(string(connection, "SELECT current_user")).isEqualTo(database.username());
            assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("public");
            Tenants.run(acme, () -> assertThat(strings(connection, "SELECT body FROM notes"))
                    .containsExactly("acme"));
        }
    }

    @Test
    void theLoginTimeoutAndLoggerAreThoseOfThePool() throws Exception {
        PGSimpleDataSource unpooled = new PGSimpleDataSource();
        TenantAwareDataSource dataSource = TenantAwareDataSource.wrap(unpooled);
        dataSource.setLoginTimeout(17);
        assertThat(unpooled.getLoginTimeout()).isEqualTo(17);
        assertThat(dataSource.getLoginTimeout()).isEqualTo(17);
        assertThat(dataSource.getParentLogger()).isSameAs(unpooled.getParentLogger());
        assertThat(dataSource.target()).isSameAs(unpooled);
        assertThat(dataSource.isWrapperFor(PGSimpleDataSource.class)).isTrue();
        assertThat(dataSource.isWrapperFor(HikariDataSource.class)).isFalse();
        assertThat(dataSource.unwrap(PGSimpleDataSource.class)).isSameAs(unpooled);
    }

    @Test
    void theLastListOfExtraSchemasGivenIsTheOneUsed() throws Exception {
        fixture.sql("CREATE SCHEMA IF NOT EXISTS extensions");
        TenantAwareDataSource dataSource = TenantAwareDataSource.builder(fixture.pool())
                .extraSchemas(List.of("first_choice")).extraSchemas(List.of("extensions")).build();
        assertThat(dataSource.extraSchemas()).containsExactly("extensions");
        assertThat(dataSource.sharedSchema()).isEqualTo("public");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(string(connection, "SHOW search_path")).isEqualTo("\"public\", \"extensions\"");
        }
    }

    @Test
    void aNegativeOrMissingSchemaCheckIntervalIsRefused() {
        TenantAwareDataSource.Builder builder = TenantAwareDataSource.builder(fixture.pool());
        assertThatThrownBy(() -> builder.schemaCheckInterval(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero or positive");
        assertThatThrownBy(() -> builder.schemaCheckInterval(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero or positive");
        assertThat(builder.schemaCheckInterval(Duration.ZERO)).isSameAs(builder);
    }

    @Test
    void aRefusedCheckoutCostsNoConnection() throws SQLException {
        TenantAwareDataSource dataSource = TenantAwareDataSource.builder(onePool).sharedSchema("shared_gone")
                .build();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(TenantSchemaMissingException.class);
        }
        try (Connection connection = onePool.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }
}
