package dev.tenancy.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantFixture;
import dev.tenancy.core.Tenants;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestDatabaseExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class ConcurrentIsolationTest {

    private static final int THREADS = 16;
    private static final int TENANTS = 8;
    private static final long RUN_NANOS = TimeUnit.SECONDS.toNanos(3);

    @Test
    void sixteenThreadsOnRandomTenantsNeverReadAForeignRow(TestDatabase database) throws Exception {
        try (TenantFixture fixture = new TenantFixture(database, 6)) {
            List<SchemaName> tenants = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                tenants.add(fixture.createTenant("tenant_" + i));
            }
            TenantAwareDataSource dataSource = TenantAwareDataSource.wrap(fixture.pool());
            ExecutorService workers = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<long[]>> results = new ArrayList<>();
                long deadline = System.nanoTime() + RUN_NANOS;
                for (int t = 0; t < THREADS; t++) {
                    results.add(workers.submit(() -> work(dataSource, tenants, deadline)));
                }
                long reads = 0;
                long foreign = 0;
                for (Future<long[]> result : results) {
                    long[] counts = result.get(60, TimeUnit.SECONDS);
                    reads += counts[0];
                    foreign += counts[1];
                }
                assertThat(reads).as("rows read").isGreaterThan(1000);
                assertThat(foreign).as("rows of another tenant read").isZero();
            } finally {
                workers.shutdownNow();
            }
        }
    }

    private static long[] work(TenantAwareDataSource dataSource, List<SchemaName> tenants, long deadline)
            throws Exception {
        long reads = 0;
        long foreign = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
            SchemaName tenant = tenants.get(random.nextInt(tenants.size()));
            boolean transactional = random.nextBoolean();
            long[] counts = Tenants.call(tenant, () -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(!transactional);
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO notes (tenant, body) VALUES (?, 'x')")) {
                        insert.setString(1, tenant.value());
                        insert.executeUpdate();
                    }
                    long read = 0;
                    long wrong = 0;
                    try (PreparedStatement select = connection.prepareStatement(
                            "SELECT tenant FROM notes ORDER BY id DESC LIMIT 20");
                         ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            read++;
                            if (!tenant.value().equals(rows.getString(1))) {
                                wrong++;
                            }
                        }
                    }
                    if (transactional) {
                        if (random.nextBoolean()) {
                            connection.commit();
                        } else {
                            connection.rollback();
                        }
                        connection.setAutoCommit(true);
                    }
                    return new long[] {read, wrong};
                }
            });
            reads += counts[0];
            foreign += counts[1];
        }
        return new long[] {reads, foreign};
    }
}
