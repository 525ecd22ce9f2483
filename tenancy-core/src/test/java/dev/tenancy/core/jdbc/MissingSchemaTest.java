package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.TenantSchemaMissingException;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL skips a schema of the search path that does not exist, so a tenant whose schema is gone would read
 * {@code public}'s tables of the same names. Such a tenant is refused instead, with statement labels on and off; on
 * a pooled connection that already has the tenant's path (PostgreSQL 18 skips setting it), within the schema check
 * interval.
 */
@ExtendWith(TestDatabaseExtension.class)
class MissingSchemaTest {

    private static TenantFixture fixture;

    @BeforeAll
    static void publicHasNotesToo(TestDatabase database) {
        fixture = new TenantFixture(database, 1);
        fixture.sql("CREATE TABLE public.notes (id serial PRIMARY KEY, tenant text NOT NULL, body text);"
                + "INSERT INTO public.notes (tenant, body) VALUES ('public', 'public note')");
    }

    @AfterAll
    static void closePool() {
        fixture.close();
    }

    @Test
    void aTenantWhoseSchemaWasDroppedIsRefusedNotServedFromPublic() throws Exception {
        assertRefusedOnceDropped(TenantAwareDataSource.builder(fixture.pool()).schemaCheckInterval(Duration.ZERO)
                .build(), "tenant_dropped_labelled");
    }

    @Test
    void aTenantWhoseSchemaWasDroppedIsRefusedWithStatementLabelsOff() throws Exception {
        assertRefusedOnceDropped(TenantAwareDataSource.builder(fixture.pool()).labelStatements(false)
                .schemaCheckInterval(Duration.ZERO).build(), "tenant_dropped_unlabelled");
    }

    @Test
    void aTenantWhoseSchemaWasRenamedIsRefused() throws Exception {
        TenantAwareDataSource dataSource = TenantAwareDataSource.builder(fixture.pool())
                .schemaCheckInterval(Duration.ZERO).build();
        SchemaName tenant = fixture.createTenant("tenant_renamed");
        assertThat(bodies(dataSource, tenant)).containsExactly("tenant_renamed note");

        fixture.sql("ALTER SCHEMA tenant_renamed RENAME TO tenant_renamed_elsewhere");

        assertThatThrownBy(() -> bodies(dataSource, tenant))
                .isInstanceOf(TenantSchemaMissingException.class)
                .hasMessageContaining("tenant_renamed")
                .satisfies(e -> assertThat(((TenantSchemaMissingException) e).schema()).isEqualTo("tenant_renamed"));
    }

    @Test
    void aReusedConnectionThatAlreadyHasTheTenantsPathIsRefusedOnceTheCheckIsDue() throws Exception {
        TenantAwareDataSource dataSource = TenantAwareDataSource.builder(fixture.pool())
                .schemaCheckInterval(Duration.ofMillis(50)).build();
        SchemaName tenant = fixture.createTenant("tenant_dropped_reused");
        assertThat(bodies(dataSource, tenant)).containsExactly("tenant_dropped_reused note");
        fixture.sql("DROP SCHEMA tenant_dropped_reused CASCADE");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                bodies(dataSource, tenant);
            } catch (TenantSchemaMissingException refused) {
                break;
            }
            assertThat(System.nanoTime()).as("refused before the deadline").isLessThan(deadline);
        }
    }

    @Test
    void outsideAnyTenantPublicIsStillServed() throws Exception {
        TenantAwareDataSource dataSource = TenantAwareDataSource.wrap(fixture.pool());
        try (Connection connection = dataSource.getConnection()) {
            assertThat(strings(connection, "SELECT body FROM notes")).containsExactly("public note");
        }
    }

    private static void assertRefusedOnceDropped(TenantAwareDataSource dataSource, String schema) throws Exception {
        SchemaName tenant = fixture.createTenant(schema);
        assertThat(bodies(dataSource, tenant)).containsExactly(schema + " note");

        fixture.sql("DROP SCHEMA " + schema + " CASCADE");

        assertThatThrownBy(() -> bodies(dataSource, tenant))
                .isInstanceOf(TenantSchemaMissingException.class)
                .hasMessageContaining(schema)
                .hasMessageContaining("does not exist");
    }

    /** The note bodies the tenant reads, through a prepared statement on a fresh checkout. */
    private static List<String> bodies(TenantAwareDataSource dataSource, SchemaName tenant) throws Exception {
        fixture.sql("DO $$ BEGIN IF to_regnamespace('" + tenant.value() + "') IS NOT NULL THEN "
                + "TRUNCATE " + tenant.quoted() + ".notes; INSERT INTO " + tenant.quoted() + ".notes (tenant, body) "
                + "VALUES ('" + tenant.value() + "', '" + tenant.value() + " note'); END IF; END $$");
        return Tenants.call(tenant, () -> {
            List<String> bodies = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT body FROM notes ORDER BY id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            return bodies;
        });
    }
}
