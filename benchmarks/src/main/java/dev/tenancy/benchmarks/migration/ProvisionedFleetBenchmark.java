package dev.tenancy.benchmarks.migration;

import dev.tenancy.benchmarks.harness.CommandProcess;
import dev.tenancy.benchmarks.harness.Machine;
import dev.tenancy.core.migration.TenantMigrator;
import dev.tenancy.core.provisioning.TenantRequest.TenantNaming;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet commands right after tenants were created the way an application creates them: N tenants provisioned
 * through {@link TenantProvisioner} (cloned from its template), then the benchmark application's commands run as
 * child JVMs, {@code migrate-schemas --tenant} first (the first run after the creations) and {@code list-tenants},
 * alternately. Reports each command's wall time and how many schemas the migration run skipped through the ledger.
 *
 * <pre>{@code
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/benchmark-classpath.txt) \
 *     dev.tenancy.benchmarks.migration.ProvisionedFleetBenchmark 10000 3
 * }</pre>
 * Arguments: number of tenants (default 1000), rounds of the two commands (default 3).
 */
public final class ProvisionedFleetBenchmark {

    private static final int WORKERS = 2;
    private static final Pattern LEDGER = Pattern.compile("(\\d+) schemas in ([0-9.]+) s: .* (\\d+) up to date "
            + "\\(ledger\\)");

    private final int tenants;
    private final int rounds;
    private final TestDatabase database;

    private ProvisionedFleetBenchmark(int tenants, int rounds, TestDatabase database) {
        this.tenants = tenants;
        this.rounds = rounds;
        this.database = database;
    }

    public static void main(String[] args) throws Exception {
        int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (TestDatabase database = TestPostgres.server().createDatabase("provisioned_fleet")) {
            new ProvisionedFleetBenchmark(tenants, rounds, database).run();
        }
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "%d tenants created through TenantProvisioner (%d threads), then %d rounds of "
                + "migrate-schemas --tenant and list-tenants%nMachine: %s%n", tenants, WORKERS, rounds,
                Machine.describe());
        double provisioning = provision();
        System.out.printf(Locale.ROOT, "RESULT provisioned-fleet tenants=%d provisioning %.0f s, %.1f ms per tenant "
                + "(%d threads; load %s)%n", tenants, provisioning, provisioning * 1000 / tenants, WORKERS,
                Machine.loadNow());
        List<Double> migrations = new ArrayList<>();
        List<Double> listings = new ArrayList<>();
        String firstRun = null;
        for (int round = 0; round < rounds; round++) {
            Command migrate = command("migrate-schemas", "--tenant");
            migrations.add(migrate.seconds());
            if (firstRun == null) {
                firstRun = migrate.summary();
            }
            listings.add(command("list-tenants").seconds());
        }
        double list = median(listings);
        double noOp = median(migrations.subList(1, migrations.size()).isEmpty() ? migrations
                : migrations.subList(1, migrations.size()));
        System.out.printf(Locale.ROOT, "RESULT provisioned-fleet tenants=%d first migrate-schemas --tenant %.2f s "
                + "(%s), later ones median %.2f s %s, list-tenants median %.2f s %s; first run minus list-tenants "
                + "%+.2f s (load %s)%n", tenants, migrations.get(0), firstRun, noOp, seconds(migrations), list, seconds(listings),
                migrations.get(0) - list, Machine.loadAverage());
    }

    /** Creates the tenants; returns the seconds it took. */
    private double provision() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(2 * WORKERS + 2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            TenantMigrator migrator = TenantMigrator.builder(pool).parallelism(WORKERS).build();
            migrator.migrateShared().throwIfFailed();
            TenantProvisioner provisioner = TenantProvisioner.builder(pool, migrator)
                    .naming(TenantNaming.conventional("localhost")).build();
            AtomicInteger created = new AtomicInteger();
            long start = System.nanoTime();
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            try {
                List<Future<?>> creations = new ArrayList<>();
                for (int i = 0; i < tenants; i++) {
                    String subdomain = String.format(Locale.ROOT, "t%05d", i);
                    creations.add(workers.submit(() -> {
                        provisioner.create(TenantRequest.subdomain(subdomain).value("name", "Tenant " + subdomain));
                        int done = created.incrementAndGet();
                        if (done % 1000 == 0) {
                            System.out.printf(Locale.ROOT, "  %d tenants in %.0f s%n", done,
                                    (System.nanoTime() - start) / 1e9);
                        }
                    }));
                }
                for (Future<?> creation : creations) {
                    creation.get();
                }
            } finally {
                workers.shutdown();
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** One command's run in a child JVM of the benchmark application. */
    private record Command(double seconds, String summary) {
    }

    private Command command(String... commandLine) throws IOException, InterruptedException {
        CommandProcess run = CommandProcess.run(database.jdbcUrl(), database.username(), database.password(),
                List.of("-Xmx512m"), List.of(commandLine));
        String summary = run.out().stream().map(LEDGER::matcher).filter(Matcher::find).findFirst()
                .map(found -> found.group(3) + " of " + found.group(1) + " schemas skipped through the ledger, "
                        + found.group(2) + " s in the migrator")
                .orElse(run.out().size() + " lines of output");
        System.out.printf(Locale.ROOT, "  %-26s %6.2f s  %s%n", String.join(" ", commandLine), run.seconds(), summary);
        return new Command(run.seconds(), summary);
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(value -> String.format(Locale.ROOT, "%.2f", value)).toList().toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
