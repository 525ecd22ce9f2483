package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Provisioning's own tables in the shared schema: the ledger of creations in progress ({@code tenancy_provisioning},
 * one row per creation, removed when it ends either way, so a row whose creator's lock is free marks an interrupted
 * creation) and the audit ({@code tenancy_audit}).
 */
final class Bookkeeping {

    private static final System.Logger LOG = System.getLogger(Bookkeeping.class.getName());

    private final DataSource pool;
    private final String ledgerTable;
    private final String auditTable;
    private final boolean auditing;
    private volatile boolean installed;

    Bookkeeping(DataSource pool, String quotedSharedSchema, boolean auditing) {
        this.pool = pool;
        this.ledgerTable = quotedSharedSchema + ".\"tenancy_provisioning\"";
        this.auditTable = quotedSharedSchema + ".\"tenancy_audit\"";
        this.auditing = auditing;
    }

    /** A creation that was started and has not ended. */
    record Started(SchemaName schema, long tenantId) {
    }

    /** Creates the tables when they are missing; once per instance, serialised across processes. */
    void install() {
        if (installed) {
            return;
        }
        synchronized (this) {
            if (installed) {
                return;
            }
            try (Connection connection = pool.getConnection()) {
                Jdbc.inTransaction(connection, tx -> {
                    AdvisoryLocks.lockForTransaction(tx, "tenancy.install");
                    List<String> ddl = new ArrayList<>();
                    ddl.add("CREATE TABLE IF NOT EXISTS " + ledgerTable + " (schema_name varchar(63) PRIMARY KEY, "
                            + "tenant_id bigint NOT NULL, started_at timestamptz NOT NULL DEFAULT now(), "
                            + "actor text NOT NULL)");
                    if (auditing) {
                        ddl.add("CREATE TABLE IF NOT EXISTS " + auditTable + " (id bigserial PRIMARY KEY, "
                                + "at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL, "
                                + "action varchar(20) NOT NULL, schema_name varchar(63), "
                                + "details jsonb NOT NULL DEFAULT '{}', outcome varchar(7) NOT NULL "
                                + "CHECK (outcome IN ('SUCCESS', 'FAILURE')), error text)");
                        ddl.add("CREATE INDEX IF NOT EXISTS tenancy_audit_schema_at ON " + auditTable
                                + " (schema_name, at)");
                    }
                    Jdbc.executeAll(tx, ddl);
                    return null;
                });
            } catch (Exception e) {
                throw new TenancyException("Could not create Tenancy's provisioning tables (" + ledgerTable
                        + (auditing ? ", " + auditTable : "") + "): " + e.getMessage()
                        + ". Grant the application's database user CREATE on that schema, or create them first.", e);
            }
            installed = true;
        }
    }

    void started(Connection transaction, SchemaName schema, long tenantId, String actor) throws SQLException {
        Jdbc.update(transaction, "INSERT INTO " + ledgerTable + " (schema_name, tenant_id, actor) VALUES (?, ?, ?)",
                schema.value(), tenantId, actor);
    }

    /** Removes the creation from the ledger; returns false when it was not there (someone else ended it). */
    boolean ended(Connection transaction, SchemaName schema, long tenantId) throws SQLException {
        return Jdbc.update(transaction, "DELETE FROM " + ledgerTable + " WHERE schema_name = ? AND tenant_id = ?",
                schema.value(), tenantId) == 1;
    }

    List<Started> inProgress(Connection connection) throws SQLException {
        List<Started> started = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT schema_name, tenant_id FROM "
                + ledgerTable + " ORDER BY started_at"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                started.add(new Started(SchemaName.of(rows.getString(1)), rows.getLong(2)));
            }
        }
        return started;
    }

    /** Writes {@code audit} in the caller's transaction, so that it commits with the change it describes. */
    void record(Connection transaction, Audit audit) throws SQLException {
        if (!auditing) {
            return;
        }
        Map<String, String> details = audit.details();
        StringBuilder json = new StringBuilder(details.isEmpty() ? "'{}'::jsonb" : "jsonb_build_object(");
        List<Object> parameters = new ArrayList<>(List.of(audit.actor(), audit.action().name()));
        parameters.add(audit.schema() == null ? null : audit.schema().value());
        details.forEach((key, value) -> {
            json.append(parameters.size() > 3 ? ", ?, ?" : "?, ?");
            parameters.add(key);
            parameters.add(value);
        });
        if (!details.isEmpty()) {
            json.append(')');
        }
        parameters.add(audit.succeeded() ? "SUCCESS" : "FAILURE");
        parameters.add(audit.error());
        Jdbc.update(transaction, "INSERT INTO " + auditTable + " (actor, action, schema_name, details, outcome, error) "
                + "VALUES (?, ?, ?, " + json + ", ?, ?)", parameters.toArray());
    }

    /**
     * Writes {@code audit} on a connection of its own, for failures whose transaction was rolled back. A failure to
     * write it is logged rather than thrown, so that it cannot hide the error being reported.
     */
    void recordAlone(Audit audit) {
        if (!auditing) {
            return;
        }
        try {
            install();
            try (Connection connection = pool.getConnection()) {
                record(connection, audit);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write the audit of a failed " + audit.action() + " of "
                    + audit.schema() + ": " + Context.describe(e));
        }
    }
}
