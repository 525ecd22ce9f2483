package dev.tenancy.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

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
 * {@code tenancy.pool.affinity.enabled=true} makes the application's DataSource reuse a tenant's pooled connection
 * with its path already set (no {@code set_config} on the tenant's next checkout), off by default, and refused with
 * the transaction-pooler mode.
 */
@ExtendWith(TestDatabaseExtension.class)
class PoolAffinityAutoConfigurationTest {

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

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        TenancyPoolerAutoConfiguration.class, TenancyPoolAffinityAutoConfiguration.class,
                        TenancyAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                        "spring.datasource.hikari.maximum-pool-size=1");
    }

    /** The set_config calls three checkouts of tenant_a, then one of tenant_b, took; each read its own row. */
    private static long pathChangesOverFourCheckouts(TenantAwareDataSource dataSource) throws SQLException {
        long before = dataSource.searchPathChanges();
        for (String tenant : new String[] {"tenant_a", "tenant_a", "tenant_a", "tenant_b"}) {
            try (Connection connection = dataSource.getConnection(SchemaName.of(tenant));
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT tenant FROM notes")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo(tenant);
            }
        }
        return dataSource.searchPathChanges() - before;
    }

    @Test
    void offByDefaultEveryCheckoutSetsThePath() {
        runner().run(context -> assertThat(pathChangesOverFourCheckouts(TenancyAutoConfiguration
                .tenantAware(context.getBean(DataSource.class)))).isEqualTo(4));
    }

    @Test
    void enabledTheTenantsNextCheckoutsReuseItsPath() {
        runner().withPropertyValues("tenancy.pool.affinity.enabled=true", "tenancy.pool.affinity.idle-timeout=1m",
                "tenancy.pool.affinity.max-hold=10m").run(context -> assertThat(pathChangesOverFourCheckouts(
                        TenancyAutoConfiguration.tenantAware(context.getBean(DataSource.class)))).isEqualTo(2));
    }

    @Test
    void withTheTransactionPoolerModeTheApplicationDoesNotStart() {
        runner().withPropertyValues("tenancy.pool.affinity.enabled=true", "tenancy.pooler.transaction-mode=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("behind a transaction pooler no session state is kept"));
    }
}
