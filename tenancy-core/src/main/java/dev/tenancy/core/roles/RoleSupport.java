package dev.tenancy.core.roles;

import dev.tenancy.core.TenancyException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a server and its login role can use tenant roles: PostgreSQL 16 or later (the login's membership in each
 * tenant role {@code WITH INHERIT FALSE, SET TRUE} needs 16), and a login that is a superuser or has
 * {@code CREATEROLE}. Each refusal says what is missing, how to fix it and how to turn tenant roles off.
 */
final class RoleSupport {

    private static final int FIRST_SUPPORTED_SERVER = 160000;
    private static final String TURN_OFF = "or turn tenant roles off (tenancy.roles.enabled=false with the starter; "
            + "without it, build the TenantAwareDataSource without tenantRoles(...)).";

    private RoleSupport() {
    }

    /** Refuses the server or login behind {@code connection} when tenant roles cannot work there; changes nothing. */
    static void check(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "SELECT current_setting('server_version_num')::int, current_setting('server_version'), session_user, "
                        + "r.rolsuper, r.rolcreaterole FROM pg_roles r WHERE r.rolname = session_user")) {
            if (!row.next()) {
                throw new TenancyException("Tenant roles could not read the login role's attributes from pg_roles.");
            }
            String refusal = serverRefusal(row.getInt(1), row.getString(2));
            if (refusal != null) {
                throw new TenancyException(refusal);
            }
            if (!row.getBoolean(4) && !row.getBoolean(5)) {
                String login = row.getString(3);
                throw new TenancyException("Tenant roles need the login role '" + login + "' to have CREATEROLE "
                        + "(or be a superuser): it creates, renames and drops each tenant's role, and it has neither. "
                        + "As a superuser run ALTER ROLE \"" + login + "\" CREATEROLE, " + TURN_OFF);
            }
        }
    }

    /**
     * Why tenant roles cannot work on a server reporting {@code serverVersionNum} ({@code server_version_num}, e.g.
     * 150008 for 15.8), or {@code null} when they can (16 and later).
     */
    static String serverRefusal(int serverVersionNum, String serverVersion) {
        if (serverVersionNum >= FIRST_SUPPORTED_SERVER) {
            return null;
        }
        return "Tenant roles need PostgreSQL 16 or later; this server is PostgreSQL " + serverVersion + " ("
                + "server_version_num " + serverVersionNum + "). They make the login role a member of each tenant role "
                + "WITH INHERIT FALSE, SET TRUE, which older servers cannot express. Upgrade the server to 16 or later, "
                + TURN_OFF;
    }
}
