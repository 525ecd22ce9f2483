package dev.tenancy.boot.ratelimit;

import dev.tenancy.core.SqlIdentifiers;
import dev.tenancy.core.TenancyException;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The PostgreSQL table that keeps every instance's rate-limit buckets ({@code tenancy.rate-limit.store=postgresql}):
 * one row per tenant and limit, {@code id} such as {@code 42/100/PT1S} and the bucket's {@code state}, read and
 * written by Bucket4j's {@code SELECT ... FOR UPDATE} proxy manager (one short transaction per limited request).
 */
final class SharedBucketTable {

    private SharedBucketTable() {
    }

    /**
     * Creates {@code schema}.{@code table} if it is missing and returns the Bucket4j proxy manager over it.
     *
     * @throws TenancyException when a name is not a plain identifier or the table cannot be created
     */
    static ProxyManager<String> open(DataSource dataSource, String schema, String table) {
        String qualified = SqlIdentifiers.quote(schema, "shared schema") + "."
                + SqlIdentifiers.quote(table, "rate-limit table (tenancy.rate-limit.table)");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + qualified
                    + " (id varchar(100) PRIMARY KEY, state bytea)");
        } catch (SQLException e) {
            throw new TenancyException("Could not create the rate-limit table " + qualified + " ("
                    + e.getMessage() + "); create it yourself (see the starter README, \"Per-tenant rate limits\") "
                    + "or use tenancy.rate-limit.store=memory.", e);
        }
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(qualified)
                .build();
    }
}
