package dev.tenancy.core;

import dev.tenancy.core.roles.TenantRoles;
import dev.tenancy.test.postgres.TestDatabase;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A login role as real deployments use one with tenant roles: not a superuser, with {@code CREATEROLE} and
 * {@code CREATE} on the test database, and a pool that logs in as it; plus {@link TenantRoles} whose names no other
 * test class shares (roles belong to the whole server). Closing it drops the tenant roles, the group and the login,
 * with what they own.
 */
public final class AppLogin implements AutoCloseable {

    private final TestDatabase database;
    private final String name;
    private final TenantRoles roles;
    private final HikariDataSource pool;

    public AppLogin(TestDatabase database, int poolSize) {
        this.database = database;
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
        this.name = "app" + suffix;
        this.roles = TenantRoles.of("r" + suffix + "_", "g" + suffix);
        asSuperuser("CREATE ROLE " + name + " LOGIN CREATEROLE PASSWORD 'app';"
                + "GRANT CREATE ON DATABASE \"" + database.name() + "\" TO " + name + ";"
                + "GRANT CREATE ON SCHEMA public TO " + name);
        this.pool = newPool(poolSize);
    }

    /** A new pool logging in as this role; the caller closes it. */
    public HikariDataSource newPool(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", ""));
        config.setUsername(name);
        config.setPassword("app");
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

    /** The login role's name. */
    public String name() {
        return name;
    }

    /** Tenant roles of this test class's own. */
    public TenantRoles roles() {
        return roles;
    }

    /** A pool whose connections log in as this role. */
    public HikariDataSource pool() {
        return pool;
    }

    /**
     * Creates schema {@code name} with its tenant role, as the login over {@code connection}, and a {@code notes}
     * table holding one row, {@code "<name> note"}, in one transaction.
     */
    public SchemaName tenantWithRole(Connection connection, String name) throws SQLException {
        SchemaName schema = SchemaName.of(name);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            roles.create(connection, schema);
            statement.execute("CREATE SCHEMA " + schema.quoted());
            roles.grant(connection, schema);
            statement.execute("CREATE TABLE " + schema.quoted() + ".notes (id serial PRIMARY KEY, body text);"
                    + "INSERT INTO " + schema.quoted() + ".notes (body) VALUES ('" + name + " note')");
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        return schema;
    }

    /** Runs {@code sql} on a new connection as the test server's superuser. */
    public void asSuperuser(String sql) {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
        asSuperuser("""
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT rolname FROM pg_roles WHERE starts_with(rolname, '%s') OR rolname IN ('%s', '%s')
                           ORDER BY rolname = '%s', rolname = '%s' LOOP
                    EXECUTE format('DROP OWNED BY %%I CASCADE', r.rolname);
                    EXECUTE format('DROP ROLE %%I', r.rolname);
                  END LOOP;
                END $$""".formatted(roles.prefix(), roles.group(), name, name, roles.group()));
    }
}
