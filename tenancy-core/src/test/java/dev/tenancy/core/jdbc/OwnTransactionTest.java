package dev.tenancy.core.jdbc;

import static dev.tenancy.core.TenantFixture.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the transaction-pooling mode a statement run with auto-commit on gets a transaction of its own; when that
 * statement fails, the connection is handed back to the caller as it was: auto-commit on, the failed work undone,
 * and the next statement committed on its own in the same tenant.
 */
@ExtendWith(TestDatabaseExtension.class)
class OwnTransactionTest {

    private static TenantFixture fixture;
    private static SchemaName tenant;

    @BeforeAll
    static void oneTenant(TestDatabase database) {
        fixture = new TenantFixture(database, 2);
        tenant = fixture.createTenant("tenant_own");
    }

    @AfterAll
    static void closePool() {
        fixture.close();
    }

    @Test
    void aFailedAutoCommitStatementLeavesAutoCommitOnAndTheNextStatementCommitsAlone() throws SQLException {
        TenantAwareDataSource dataSource = TenantAwareDataSource.builder(fixture.pool()).transactionPooling(true)
                .build();
        try (Connection connection = dataSource.getConnection(tenant);
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(
                    "INSERT INTO notes (tenant, body) VALUES ('tenant_own', 'undone'); SELECT 1 / 0"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("division by zero");

            assertThat(connection.getAutoCommit()).as("auto-commit after the failed statement").isTrue();
            statement.executeUpdate("INSERT INTO notes (tenant, body) VALUES ('tenant_own', 'kept')");
        }
        try (Connection other = fixture.pool().getConnection()) {
            assertThat(strings(other, "SELECT body FROM tenant_own.notes ORDER BY id"))
                    .as("what another connection sees in the tenant's table").containsExactly("kept");
        }
    }
}
