package dev.tenancy.core.jdbc;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.roles.TenantRoles;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one statement that puts a tenant's {@code search_path} in force, checking that its schema exists, and, with
 * {@linkplain TenantRoles tenant roles}, the tenant's role with it (outside any tenant: {@code NONE}, the login
 * role), in one round trip: as parameters of one prepared {@code SELECT set_config(...)}, or, with statement labels
 * off, as plain SQL text.
 */
final class PathSetting {

    /**
     * The session's path is first reset to the server's default, then set, in one round trip: PostgreSQL re-plans a
     * cached statement whenever the path differs from the one it was planned under, and a statement that sets the
     * path always starts under the path of whatever tenant the connection served before, so without the reset the
     * one prepared statement that sets every tenant's path was planned anew at nearly every checkout of a pool that
     * serves many tenants. {@code RESET} is a utility command (never planned, and pgjdbc does not take it for a
     * {@code SET search_path}); after it the statement always starts under the same path and keeps its plan. If the
     * statement fails, the transaction it ran in (implicit, or the caller's) is rolled back with the reset.
     */
    private static final String SESSION_PATH =
            "RESET search_path; SELECT set_config('search_path', ?, false), ?::regnamespace";
    private static final String LOGIN_ROLE = "none";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String INVALID_PARAMETER_VALUE = "22023";
    private static final int MAX_CACHED = 10_000;

    private final SearchPath searchPath;
    private final TenantRoles roles;
    private final PathScope scope;
    private final String preparedSql;
    private final ConcurrentMap<SchemaName, String> plainTexts = new ConcurrentHashMap<>();

    /**
     * @param roles the tenant roles, or {@code null} when connections keep the login role
     * @param scope whether path and role are set for the session or for the transaction only
     */
    PathSetting(SearchPath searchPath, TenantRoles roles, PathScope scope) {
        this.searchPath = searchPath;
        this.roles = roles;
        this.scope = scope;
        boolean local = scope == PathScope.TRANSACTION;
        String path = local ? PathScope.SET_LOCAL : SESSION_PATH;
        this.preparedSql = roles == null ? path : path + ", set_config('role', ?, " + local + ")";
    }

    /** The text of the prepared statement {@link #bind} fills in. */
    String preparedSql() {
        return preparedSql;
    }

    /** Binds {@code tenant}'s values ({@code null}: public) to a statement prepared from {@link #preparedSql()}. */
    void bind(PreparedStatement statement, SchemaName tenant) throws SQLException {
        statement.setString(1, searchPath.valueFor(tenant));
        statement.setString(2, searchPath.checkedSchema(tenant));
        if (roles != null) {
            statement.setString(3, tenant == null ? LOGIN_ROLE : roles.roleName(tenant));
        }
    }

    /** The same as plain SQL text: the schema check, {@code SET search_path} and, with roles, {@code SET ROLE}. */
    String plainSql(SchemaName tenant) {
        if (roles == null) {
            return searchPath.checkedStatementFor(tenant);
        }
        if (tenant == null) {
            return searchPath.checkedStatementFor(null) + "; SET ROLE NONE";
        }
        String text = plainTexts.get(tenant);
        if (text == null) {
            text = searchPath.checkedStatementFor(tenant) + "; SET ROLE " + roles.quotedRole(tenant);
            if (plainTexts.size() < MAX_CACHED) {
                plainTexts.put(tenant, text);
            }
        }
        return text;
    }

    /**
     * Whether a session whose reported {@code search_path} is a tenant's may be trusted to be set up for that tenant.
     * Not with tenant roles: PostgreSQL does not report the role, so every checkout sets path and role together.
     * Not behind a transaction pooler either ({@link PathScope#trustsReportedPath()}).
     */
    boolean trustsReportedPath() {
        return roles == null && scope.trustsReportedPath();
    }

    /**
     * What to throw when setting {@code tenant}'s path and role failed with {@code e}: a refusal to switch to the
     * tenant's role explained, anything else as it is.
     */
    SQLException explain(SchemaName tenant, SQLException e) {
        if (roles == null || tenant == null) {
            return e;
        }
        String state = e.getSQLState();
        if (!INSUFFICIENT_PRIVILEGE.equals(state) && !INVALID_PARAMETER_VALUE.equals(state)) {
            return e;
        }
        return new SQLException("Tenant '" + tenant + "' is served as PostgreSQL role '" + roles.roleName(tenant)
                + "' (tenant roles are on), but the pool's login role could not switch to it: " + e.getMessage()
                + ". Create the tenant through the provisioner, or give existing tenants their roles with the "
                + "enable-tenant-roles command (TenantProvisioner.enableTenantRoles).", state, e);
    }
}
