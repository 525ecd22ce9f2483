package dev.tenancy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;
import dev.tenancy.test.postgres.TestPgBouncer;
import dev.tenancy.test.postgres.TestPostgres;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * {@code tenancy.pooler.transaction-mode=true} makes the application's DataSource set the tenant's path in every
 * transaction, so that behind PgBouncer in transaction mode (one server connection for every client) each tenant
 * reads its own rows.
 */
@ExtendWith(TestDatabaseExtension.class)
class PoolerAutoConfigurationTest {

    private static TestDatabase database;

    @BeforeAll
    static void twoTenants(TestDatabase testDatabase) throws Exception {
        database = testDatabase;
        try (Connection connection = testDatabase.openConnection();
             Statement statement = connection.createStatement()) {
            for (String tenant : new String[] {"tenant_a", "tenant_b"}) {
                statement.execute("CREATE SCHEMA " + tenant + "; CREATE TABLE " + tenant + ".notes (tenant text);"
                        + "INSERT INTO " + tenant + ".notes VALUES ('" + tenant + "')");
            }
        }
    }

    private static ApplicationContextRunner runner(String jdbcUrl) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        TenancyPoolerAutoConfiguration.class, TenancyAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + jdbcUrl,
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()));
    }

    @Test
    void thePathIsSetForTheSessionByDefault() {
        runner(database.jdbcUrl()).run(context -> assertThat(TenancyAutoConfiguration
                .tenantAware(context.getBean(DataSource.class)).isTransactionPooling()).isFalse());
    }

    @Test
    void transactionModeKeepsEachTenantOnItsOwnRowsBehindPgBouncer() {
        try (TestPgBouncer bouncer = TestPgBouncer.start(TestPostgres.server(), 1)) {
            runner(bouncer.jdbcUrl(database.name())).withPropertyValues("tenancy.pooler.transaction-mode=true")
                    .run(context -> {
                        TenantAwareDataSource dataSource = TenancyAutoConfiguration
                                .tenantAware(context.getBean(DataSource.class));
                        assertThat(dataSource.isTransactionPooling()).isTrue();
                        try (Connection first = dataSource.getConnection(SchemaName.of("tenant_a"));
                             Connection second = dataSource.getConnection(SchemaName.of("tenant_b"))) {
                            assertThat(read(first)).isEqualTo("tenant_a");
                            assertThat(read(second)).isEqualTo("tenant_b");
                            assertThat(read(first)).isEqualTo("tenant_a");
                        }
                    });
        }
    }

    private static String read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tenant FROM notes")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
