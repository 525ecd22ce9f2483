package dev.tenancy.core.roles;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.SqlIdentifiers;
import dev.tenancy.core.TenancyException;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One PostgreSQL role per tenant, so that PostgreSQL itself refuses a tenant's connection anything of another tenant
 * ("permission denied"), even a query that names another tenant's schema explicitly or runs under a wrong
 * {@code search_path}. Given to {@link dev.tenancy.core.jdbc.TenantAwareDataSource.Builder#tenantRoles}, every
 * connection serving tenant {@code t} runs as {@code t}'s role, set in the same round trip as its path; outside any
 * tenant, and for the library's own work, it runs as the pool's login role ({@code SET ROLE NONE}).
 *
 * <p><b>Names.</b> A tenant's role is the prefix followed by its schema name: schema {@code acme}, role
 * {@code tenant_acme} with the default prefix. Both must fit in PostgreSQL's 63 bytes; a longer name is refused
 * before anything is written. Roles belong to the whole PostgreSQL cluster, not to one database: databases of one
 * cluster that each use tenant roles need different prefixes (and group roles).
 *
 * <p><b>What a tenant role may do.</b> It is {@code NOLOGIN} and owns nothing. The pool's login role owns the tenant
 * schemas and everything in them (migrations and provisioning run as it) and grants the tenant's role, by
 * {@link #grant}: {@code USAGE} on the schema (no {@code CREATE}), {@code SELECT, INSERT, UPDATE, DELETE, TRUNCATE,
 * REFERENCES, TRIGGER} on its tables and views, {@code USAGE, SELECT, UPDATE} on its sequences, {@code EXECUTE} on
 * its functions, and the same on every object the login role creates there later (default privileges), so a later
 * migration's tables are usable at once (the provisioner then takes back every privilege on the schema's migration
 * history table, which only migrations use). So a tenant's connection reads and writes its own rows but cannot change
 * its tables' structure, and has no privilege at all on another tenant's schema. Every tenant role is a member of one
 * group role ({@value #DEFAULT_GROUP} by default), which gets {@code USAGE} on the shared schema and the extra
 * search-path schemas and nothing else: grant the group what tenant code needs of shared tables, once, e.g.
 * {@code GRANT SELECT ON public.plans TO tenancy_tenants}; every tenant role, present and future, inherits it.
 *
 * <p><b>The login role.</b> It is a member of every tenant role with {@code SET} but without {@code INHERIT}
 * (PostgreSQL 16 and later): it may switch to a tenant's role but does not hold tenant privileges through it. It needs
 * {@code CREATEROLE} (or superuser) to create, rename and drop tenant roles. Since PostgreSQL 16 a
 * {@code CREATEROLE} role administers only the roles it created. {@link #checkSupported} refuses an older server or a
 * login without that right, naming what is missing; the provisioner runs it before its first operation writes
 * anything, the starter at start-up.
 */
public final class TenantRoles {

    /** The default prefix of tenant role names. */
    public static final String DEFAULT_PREFIX = "tenant_";

    /** The default name of the group role every tenant role belongs to. */
    public static final String DEFAULT_GROUP = "tenancy_tenants";

    private static final int MAX_BYTES = 63;
    private static final String ROLE_EXISTS = "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)";
    private static final long INSTALL_LOCK = 0x7465_6e61_6e74_726fL;
    private static final String TABLE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER";
    private static final String SEQUENCE_PRIVILEGES = "USAGE, SELECT, UPDATE";

    private final String prefix;
    private final String group;

    private TenantRoles(String prefix, String group) {
        this.prefix = prefix;
        this.group = group;
    }

    /** Tenant roles named {@value #DEFAULT_PREFIX}{@code <schema>}, in the group {@value #DEFAULT_GROUP}. */
    public static TenantRoles defaults() {
        return of(DEFAULT_PREFIX, DEFAULT_GROUP);
    }

    /**
     * Tenant roles named {@code prefix + schema}, members of {@code group}.
     *
     * @throws TenancyException when the prefix or group is not a plain lower-case identifier, the prefix is empty, or
     *     the group's name starts with the prefix (it could then be a tenant's role)
     */
    public static TenantRoles of(String prefix, String group) {
        if (prefix == null || prefix.isEmpty() || prefix.getBytes(StandardCharsets.UTF_8).length >= MAX_BYTES) {
            throw new TenancyException("The tenant role prefix must be 1-62 characters, was '" + prefix + "'.");
        }
        SqlIdentifiers.quote(prefix, "tenant role prefix");
        SqlIdentifiers.quote(group, "tenant role group");
        if (group.startsWith(prefix)) {
            throw new TenancyException("The tenant role group '" + group + "' starts with the tenant role prefix '"
                    + prefix + "', so a tenant's role could have its name; choose a group name outside the prefix.");
        }
        return new TenantRoles(prefix, group);
    }

    /** The prefix of tenant role names. */
    public String prefix() {
        return prefix;
    }

    /** The group role every tenant role belongs to. */
    public String group() {
        return group;
    }

    /**
     * The name of {@code schema}'s role: the prefix followed by the schema name.
     *
     * @throws TenancyException when the name would pass PostgreSQL's 63 bytes
     */
    public String roleName(SchemaName schema) {
        String name = prefix + schema.value();
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new TenancyException("The PostgreSQL role of tenant schema '" + schema + "' would be '" + name
                    + "', " + bytes + " bytes; PostgreSQL names are at most 63. Use a shorter schema name or a "
                    + "shorter tenant role prefix.");
        }
        return name;
    }

    /** {@code schema}'s role name quoted as an identifier. */
    public String quotedRole(SchemaName schema) {
        return '"' + roleName(schema) + '"';
    }

    /** Whether {@code schema}'s role exists. */
    public boolean exists(Connection connection, SchemaName schema) throws SQLException {
        return roleExists(connection, roleName(schema));
    }

    /**
     * Refuses, before anything is written, a server or a login on which tenant roles cannot work: PostgreSQL older
     * than 16 (the login's membership in each tenant role {@code WITH INHERIT FALSE, SET TRUE} needs 16), or a login
     * role ({@code SESSION_USER}) that is neither a superuser nor has {@code CREATEROLE} (it creates, renames and
     * drops the tenant roles). Changes nothing; {@link #install} runs it first.
     *
     * @throws TenancyException naming what is missing and how to fix it or turn tenant roles off
     */
    public void checkSupported(Connection connection) throws SQLException {
        RoleSupport.check(connection);
    }

    /**
     * Creates the group role when missing and makes sure it may use the shared schema and {@code extraSchemas}; in a
     * transaction of its own on {@code connection} (auto-commit on), serialised across processes. Idempotent. Checks
     * the server and login first ({@link #checkSupported}).
     *
     * @throws TenancyException when the server or login cannot use tenant roles, or the group cannot use one of those
     *     schemas and the login role may not grant it
     */
    public void install(Connection connection, String sharedSchema, List<String> extraSchemas) throws SQLException {
        checkSupported(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, INSTALL_LOCK);
                lock.execute();
            }
            if (!roleExists(connection, group)) {
                execute(connection, "CREATE ROLE " + quote(group) + " NOLOGIN");
            }
            for (String schema : schemas(sharedSchema, extraSchemas)) {
                grantUsage(connection, schema);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Creates {@code schema}'s role in the caller's transaction: {@code NOLOGIN}, a member of the group, the login
     * role ({@code SESSION_USER}) a member of it with {@code SET} and without {@code INHERIT}. Call {@link #install}
     * once before.
     */
    public void create(Connection transaction, SchemaName schema) throws SQLException {
        String role = quotedRole(schema);
        execute(transaction, "SELECT set_config('createrole_self_grant', 'set', true)");
        execute(transaction, "CREATE ROLE " + role + " NOLOGIN IN ROLE " + quote(group));
        letLoginSetRole(transaction, schema);
    }

    /**
     * Makes {@code schema}'s role usable for the tenant, in the caller's transaction: creates it when missing
     * ({@link #create}), lets the login role switch to it, and {@linkplain #grant grants} it its schema. What the
     * command that switches an existing fleet to tenant roles runs per tenant; idempotent.
     *
     * @return whether the role had to be created
     */
    public boolean enable(Connection transaction, SchemaName schema) throws SQLException {
        boolean created = !exists(transaction, schema);
        if (created) {
            create(transaction, schema);
        } else {
            execute(transaction, "GRANT " + quote(group) + " TO " + quotedRole(schema));
            letLoginSetRole(transaction, schema);
        }
        grant(transaction, schema);
        return created;
    }

    /** The relations and sequences of {@code schema} the current role may not grant (at most 20). */
    private static List<String> ungrantable(Connection connection, SchemaName schema) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT c.relname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN "
                + "('r', 'p', 'v', 'm', 'f', 'S') AND NOT has_table_privilege(c.oid, 'SELECT WITH GRANT OPTION') "
                + "ORDER BY c.relname LIMIT 20")) {
            select.setString(1, schema.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    /**
     * Grants the login role ({@code SESSION_USER}) membership in {@code schema}'s role with {@code SET} and without
     * {@code INHERIT}, unless it may already switch to it (a superuser, or the role's creator through
     * {@code createrole_self_grant}).
     */
    private void letLoginSetRole(Connection transaction, SchemaName schema) throws SQLException {
        if (!canSetRole(transaction, roleName(schema))) {
            execute(transaction, "GRANT " + quotedRole(schema) + " TO SESSION_USER WITH INHERIT FALSE, SET TRUE");
        }
    }

    /**
     * Grants {@code schema}'s role what it needs of the schema, in the caller's transaction: its present objects and,
     * through default privileges, those the login role creates there later. Idempotent.
     *
     * @throws TenancyException when the schema holds objects the login role may not grant (it does not own them);
     *     nothing was granted then
     */
    public void grant(Connection transaction, SchemaName schema) throws SQLException {
        String role = quotedRole(schema);
        List<String> ungrantable = ungrantable(transaction, schema);
        if (!ungrantable.isEmpty()) {
            throw new TenancyException("The role of tenant schema '" + schema + "' cannot be granted "
                    + String.join(", ", ungrantable) + ": the login role does not own them. Make it their owner "
                    + "(e.g. ALTER TABLE ... OWNER TO, or REASSIGN OWNED BY <their owner> TO <login role>, as a "
                    + "superuser) and try again.");
        }
        String in = " IN SCHEMA " + schema.quoted();
        execute(transaction, "GRANT USAGE ON SCHEMA " + schema.quoted() + " TO " + role);
        execute(transaction, "GRANT " + TABLE_PRIVILEGES + " ON ALL TABLES" + in + " TO " + role);
        execute(transaction, "GRANT " + SEQUENCE_PRIVILEGES + " ON ALL SEQUENCES" + in + " TO " + role);
        execute(transaction, "GRANT EXECUTE ON ALL ROUTINES" + in + " TO " + role);
        execute(transaction, "ALTER DEFAULT PRIVILEGES" + in + " GRANT " + TABLE_PRIVILEGES + " ON TABLES TO " + role);
        execute(transaction, "ALTER DEFAULT PRIVILEGES" + in + " GRANT " + SEQUENCE_PRIVILEGES + " ON SEQUENCES TO "
                + role);
        execute(transaction, "ALTER DEFAULT PRIVILEGES" + in + " GRANT EXECUTE ON ROUTINES TO " + role);
        execute(transaction, "ALTER DEFAULT PRIVILEGES" + in + " GRANT USAGE ON TYPES TO " + role);
    }

    /** Renames {@code from}'s role to {@code to}'s, in the caller's transaction, when it exists. */
    public void rename(Connection transaction, SchemaName from, SchemaName to) throws SQLException {
        String target = quotedRole(to);
        if (exists(transaction, from)) {
            execute(transaction, "ALTER ROLE " + quotedRole(from) + " RENAME TO " + target);
        }
    }

    /**
     * Drops {@code schema}'s role, in the caller's transaction, when it exists: call it after dropping the schema.
     * What the role still owns or was granted in this database is dropped or revoked first ({@code DROP OWNED}).
     */
    public void drop(Connection transaction, SchemaName schema) throws SQLException {
        if (!exists(transaction, schema)) {
            return;
        }
        String role = quotedRole(schema);
        try (PreparedStatement become = transaction.prepareStatement("SELECT set_config('role', ?, true)")) {
            become.setString(1, roleName(schema));
            become.execute();
        }
        execute(transaction, "DROP OWNED BY " + role);
        execute(transaction, "SELECT set_config('role', 'none', true)");
        execute(transaction, "DROP ROLE " + role);
    }

    private void grantUsage(Connection connection, String schema) throws SQLException {
        if (hasUsage(connection, schema)) {
            return;
        }
        execute(connection, "GRANT USAGE ON SCHEMA " + quote(schema) + " TO " + quote(group));
        if (!hasUsage(connection, schema)) {
            throw new TenancyException("The tenant role group '" + group + "' cannot use schema '" + schema
                    + "' and the login role may not grant it: run GRANT USAGE ON SCHEMA " + quote(schema) + " TO "
                    + quote(group) + " as the schema's owner.");
        }
    }

    private boolean hasUsage(Connection connection, String schema) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(
                "SELECT has_schema_privilege(?, n.oid, 'USAGE') FROM pg_namespace n WHERE n.nspname = ?")) {
            check.setString(1, group);
            check.setString(2, schema);
            try (ResultSet result = check.executeQuery()) {
                if (!result.next()) {
                    throw new TenancyException("Schema '" + schema + "' does not exist; the tenant roles need the "
                            + "shared schema and the extra search-path schemas.");
                }
                return result.getBoolean(1);
            }
        }
    }

    private static boolean canSetRole(Connection connection, String role) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement("SELECT pg_has_role(SESSION_USER, ?, 'SET')")) {
            check.setString(1, role);
            try (ResultSet result = check.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static boolean roleExists(Connection connection, String role) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(ROLE_EXISTS)) {
            check.setString(1, role);
            try (ResultSet result = check.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static List<String> schemas(String sharedSchema, List<String> extraSchemas) {
        Objects.requireNonNull(sharedSchema, "sharedSchema");
        return Stream.concat(Stream.of(sharedSchema), extraSchemas.stream()).toList();
    }

    private static String quote(String name) {
        return '"' + name + '"';
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public String toString() {
        return "TenantRoles[prefix=" + prefix + ", group=" + group + "]";
    }
}
