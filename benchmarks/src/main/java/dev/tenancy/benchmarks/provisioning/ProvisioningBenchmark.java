package dev.tenancy.benchmarks.provisioning;

import dev.tenancy.benchmarks.harness.Machine;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long creating a tenant takes, from the template and from plain migrations, with a schema of 25 tables built by
 * 100 migrations; then 1,000 tenants created back to back, to see whether the time per tenant grows with the number
 * of tenants. Each tenth of the run shows its fastest creation beside its percentiles: load from other processes
 * only ever adds time, so a flat minimum means the work itself does not grow. Run it with {@code benchmarks/run.sh},
 * or by itself after {@code ./mvnw -q -pl benchmarks -am package -DskipTests}:
 * <pre>{@code
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/benchmark-classpath.txt) \
 *     dev.tenancy.benchmarks.provisioning.ProvisioningBenchmark 20 1000
 * }</pre>
 * Arguments: the number of tenants created from migrations (default 20) and from the template (default 1000).
 */
public final class ProvisioningBenchmark {

    private static final int TABLES = 25;
    private static final int MIGRATIONS = 100;
    private static final String TABLES_SQL = """
            CREATE TABLE public.plans (code varchar(20) PRIMARY KEY);
            INSERT INTO public.plans VALUES ('free'), ('pro');
            CREATE TABLE public.tenants (
                id bigserial PRIMARY KEY,
                schema_name varchar(63) NOT NULL UNIQUE,
                auto_create_schema boolean NOT NULL DEFAULT true,
                auto_drop_schema boolean NOT NULL DEFAULT false,
                status varchar(20) NOT NULL DEFAULT 'PROVISIONING',
                name varchar(100) NOT NULL,
                subscription_plan varchar(20) NOT NULL DEFAULT 'free' REFERENCES public.plans (code),
                max_users integer,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE public.domains (
                id bigserial PRIMARY KEY,
                domain varchar(253) NOT NULL UNIQUE,
                tenant_id bigint NOT NULL REFERENCES public.tenants (id),
                is_primary boolean NOT NULL DEFAULT false
            );
            CREATE UNIQUE INDEX domains_one_primary_per_tenant ON public.domains (tenant_id) WHERE is_primary;
            """;

    private ProvisioningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int fromMigrations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int fromTemplate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path migrations = writeMigrations();
        try (TestDatabase database = TestPostgres.server().createDatabase("provisioning_bench");
             HikariDataSource pool = pool(database)) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(TABLES_SQL);
            }
            TenantMigrator migrator = TenantMigrator.builder(pool).tenantLocations("filesystem:" + migrations).build();
            System.out.printf(Locale.ROOT, "Schema: %d tables built by %d migrations; PostgreSQL %s%nMachine: %s%n",
                    TABLES, MIGRATIONS, version(pool), Machine.describe());

            TenantProvisioner plain = TenantProvisioner.builder(pool, migrator).withoutTemplate().build();
            create(plain, "warm", 1);
            long[] migrated = create(plain, "m", fromMigrations);
            report("From migrations", migrated);

            TenantProvisioner templated = TenantProvisioner.builder(pool, migrator).build();
            long refresh = System.nanoTime();
            templated.refreshTemplate();
            System.out.printf(Locale.ROOT, "Template migrated once in %.0f ms%n", (System.nanoTime() - refresh) / 1e6);
            create(templated, "warmt", 1);
            long start = System.nanoTime();
            long[] cloned = create(templated, "t", fromTemplate);
            double total = (System.nanoTime() - start) / 1e9;
            report("From the template", cloned);
            System.out.printf(Locale.ROOT, "%d tenants back to back from the template: %.1f s in total%n",
                    fromTemplate, total);
            int batch = Math.max(1, fromTemplate / 10);
            for (int from = 0; from < fromTemplate; from += batch) {
                long[] part = Arrays.copyOfRange(cloned, from, Math.min(fromTemplate, from + batch));
                System.out.printf(Locale.ROOT, "  tenants %4d-%4d: min %5.1f ms, p50 %6.1f ms, p95 %6.1f ms%n",
                        from + 1, from + part.length, percentile(part, 0), percentile(part, 50), percentile(part, 95));
            }
            System.out.printf(Locale.ROOT, "RESULT provisioning from-template p50=%.1f ms p95=%.1f ms, from-migrations"
                    + " p50=%.1f ms, ratio %.3f; %d back to back in %.1f s (load %s)%n", percentile(cloned, 50),
                    percentile(cloned, 95), percentile(migrated, 50), percentile(cloned, 50) / percentile(migrated, 50),
                    fromTemplate, total, Machine.loadAverage());
        } finally {
            deleteRecursively(migrations);
        }
    }

    private static long[] create(TenantProvisioner provisioner, String prefix, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            provisioner.create(TenantRequest.subdomain(prefix + i).value("name", "Tenant " + prefix + i));
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static void report(String what, long[] nanos) {
        System.out.printf(Locale.ROOT, "%s (%d tenants): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what,
                nanos.length, percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 100));
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static HikariDataSource pool(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static String version(HikariDataSource pool) throws Exception {
        try (Connection connection = pool.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }

    /**
     * 25 {@code CREATE TABLE}s (each with a foreign key to the one before), then 75 changes cycling through added
     * columns, indexes, check constraints, views, seed rows and comments.
     */
    private static Path writeMigrations() throws IOException {
        Path directory = Files.createTempDirectory("tenancy-bench-migrations");
        List<String> scripts = new ArrayList<>();
        for (int t = 1; t <= TABLES; t++) {
            scripts.add("CREATE TABLE t" + t + " (id bigserial PRIMARY KEY, name text NOT NULL, "
                    + "status varchar(20) NOT NULL DEFAULT 'new', amount numeric(12, 2), "
                    + "created_at timestamptz NOT NULL DEFAULT now()"
                    + (t > 1 ? ", parent_id bigint REFERENCES t" + (t - 1) + " (id)" : "") + ");");
        }
        for (int m = TABLES + 1; m <= MIGRATIONS; m++) {
            int t = m % TABLES + 1;
            scripts.add(switch (m % 6) {
                case 0 -> "ALTER TABLE t" + t + " ADD COLUMN extra_" + m + " text;";
                case 1 -> "CREATE INDEX t" + t + "_name_" + m + " ON t" + t + " (lower(name));";
                case 2 -> "ALTER TABLE t" + t + " ADD CONSTRAINT t" + t + "_amount_" + m + " CHECK (amount >= 0);";
                case 3 -> "CREATE VIEW v" + m + " AS SELECT id, name FROM t" + t + " WHERE status = 'new';";
                case 4 -> "INSERT INTO t1 (name) VALUES ('seed " + m + "');";
                default -> "COMMENT ON TABLE t" + t + " IS 'table " + t + " as of migration " + m + "';";
            });
        }
        for (int i = 0; i < scripts.size(); i++) {
            Files.writeString(directory.resolve("V" + (i + 1) + "__step_" + (i + 1) + ".sql"), scripts.get(i));
        }
        return directory;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path path : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
