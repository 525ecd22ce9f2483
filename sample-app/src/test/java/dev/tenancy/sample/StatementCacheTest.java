package dev.tenancy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import javax.sql.DataSource;

/**
 * Tenancy labels each prepared statement with its tenant, so pgjdbc's statement cache needs an entry per statement
 * and tenant: the application's pool gets a cache sized for that (issue 18), and its connections use it.
 */
@SampleAppTest
class StatementCacheTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theApplicationsPoolGetsADriverStatementCacheSizedForManyTenants() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getDataSourceProperties()).containsEntry("preparedStatementCacheQueries", "2048")
                .containsEntry("preparedStatementCacheSizeMiB", "32");
        try (Connection connection = pool.getConnection()) {
            for (int tenant = 0; tenant < 300; tenant++) {
                for (int use = 0; use < 6; use++) {   // pgjdbc prepares on the server from the fifth use
                    try (PreparedStatement statement = connection.prepareStatement("/* cache_check_" + tenant
                            + " */ SELECT ?::int")) {
                        statement.setInt(1, tenant);
                        statement.executeQuery().close();
                    }
                }
            }
            // with pgjdbc's default of 256, at least the first 44 would have been dropped (and deallocated) again
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM pg_prepared_statements"
                    + " WHERE statement LIKE '/* cache\\_check\\_%'");
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(300);
            }
        }
    }
}
