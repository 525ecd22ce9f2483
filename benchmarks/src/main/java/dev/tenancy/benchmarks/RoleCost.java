package dev.tenancy.benchmarks;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantScope;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;
import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;
import dev.tenancy.test.postgres.TestPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * What tenant roles cost per unit of tenant work, in CPU rather than throughput (which a shared machine's load
 * drowns): one connection, {@code tenants} tenants in turn, each unit a checkout through {@link TenantAwareDataSource}
 * (which sets the path, and with roles the role, in one statement) plus one read by primary key. Blocks of
 * {@code units} alternate between the data source without and with roles (each on a pool of its own, since a
 * connection a data source with roles left as a tenant's role is no use to one without); for each block it reads the
 * CPU time of the connection's PostgreSQL backend ({@code /proc/<pid>/stat}, so PostgreSQL must run on this
 * machine) and of this thread, and prints both per unit.
 *
 * <p>Arguments: {@code [tenants=100] [units=20000] [blocks=6]}.
 */
public final class RoleCost {

    private RoleCost() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        TenantRoles roles = TenantRoles.of("cost_role_", "cost_tenant_roles");
        try (TestDatabase database = TestPostgres.server().createDatabase("role_cost")) {
            SchemaName[] schemas = new SchemaName[tenants];
            try (HikariDataSource pool = pool(database); HikariDataSource rolePool = pool(database)) {
                try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                    roles.install(connection, "public", List.of());
                    for (int i = 0; i < tenants; i++) {
                        schemas[i] = SchemaName.of("tenant_" + i);
                        statement.execute("CREATE SCHEMA " + schemas[i].quoted() + "; CREATE TABLE "
                                + schemas[i].quoted() + ".notes (id int PRIMARY KEY, body text); INSERT INTO "
                                + schemas[i].quoted() + ".notes VALUES (1, 'note')");
                        roles.enable(connection, schemas[i]);
                    }
                }
                long[] backends = {backend(pool), backend(rolePool)};
                TenantAwareDataSource plain = TenantAwareDataSource.wrap(pool);
                TenantAwareDataSource withRoles = TenantAwareDataSource.builder(rolePool).tenantRoles(roles).build();
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                System.out.println("block  variant       PostgreSQL us/unit  client us/unit  wall us/unit  load");
                for (int block = 0; block < blocks * 2; block++) {
                    boolean roled = block % 2 == 1;
                    TenantAwareDataSource dataSource = roled ? withRoles : plain;
                    long backend = backends[block % 2];
                    long pgBefore = backendTicks(backend);
                    long clientBefore = threads.getCurrentThreadCpuTime();
                    long wallBefore = System.nanoTime();
                    for (int unit = 0; unit < units; unit++) {
                        readOne(dataSource, schemas[unit % tenants]);
                    }
                    double wall = (System.nanoTime() - wallBefore) / 1e3 / units;
                    double client = (threads.getCurrentThreadCpuTime() - clientBefore) / 1e3 / units;
                    double postgres = (backendTicks(backend) - pgBefore) * 1e4 / units;
                    System.out.printf(Locale.ROOT, "%5d  %-12s  %18.1f  %14.1f  %12.1f  %s%n", block / 2 + 1,
                            roled ? "with roles" : "without", postgres, client, wall,
                            Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                }
            } finally {
                try (Connection connection = database.openConnection();
                     Statement statement = connection.createStatement()) {
                    for (SchemaName schema : schemas) {
                        if (schema != null) {
                            statement.execute("DROP OWNED BY " + roles.quotedRole(schema) + "; DROP ROLE IF EXISTS "
                                    + roles.quotedRole(schema));
                        }
                    }
                    statement.execute("DROP ROLE IF EXISTS " + roles.group());
                }
            }
        }
    }

    /** A pool of one connection: each data source gets its own, so its backend's CPU is its alone. */
    private static HikariDataSource pool(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    private static long backend(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return pid.getLong(1);
        }
    }

    private static void readOne(TenantAwareDataSource dataSource, SchemaName schema) throws SQLException {
        try (TenantScope ignored = Tenants.enter(schema); Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT body FROM notes WHERE id = ?")) {
            select.setInt(1, 1);
            try (ResultSet row = select.executeQuery()) {
                row.next();
            }
        }
    }

    /** utime + stime of a process, in clock ticks (1/100 s). */
    private static long backendTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
