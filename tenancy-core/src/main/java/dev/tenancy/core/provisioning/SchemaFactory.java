package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.migration.SchemaMigrator;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Builds a new tenant's schema: cloned from the template when there is a usable one, otherwise by the
 * {@link SchemaMigrator}; or cloned from another tenant. A clone runs in one transaction, so a failed clone leaves
 * no schema at all; a failed migration may leave a partly migrated schema, which the caller drops.
 */
final class SchemaFactory {

    /** How a schema was built, as written to the audit. */
    enum Source {
        TEMPLATE, MIGRATIONS, CLONE
    }

    private final DataSource pool;
    private final SchemaMigrator migrator;
    private final TemplateSchema template;
    private final String historyTable;

    SchemaFactory(DataSource pool, SchemaMigrator migrator, TemplateSchema template, String historyTable) {
        this.pool = pool;
        this.migrator = migrator;
        this.template = template;
        this.historyTable = historyTable;
    }

    TemplateSchema template() {
        return template;
    }

    /**
     * Builds {@code target} from the template, or from migrations when the template cannot be used. {@code control}
     * is the caller's connection, outside any transaction; it holds the template's lock if a refresh is due.
     */
    Source build(Connection control, SchemaName target) throws Exception {
        if (template != null && template.ready(control)) {
            try (Connection connection = pool.getConnection()) {
                boolean cloned = Jdbc.inTransaction(connection, tx -> {
                    if (!template.cloneInto(tx, target)) {
                        return false;
                    }
                    migrator.copied(tx, template.name(), target);
                    return true;
                });
                if (cloned) {
                    return Source.TEMPLATE;
                }
            }
        }
        migrator.migrate(target);
        return Source.MIGRATIONS;
    }

    /** Tells the migrator, inside {@code transaction}, that {@code schema} was just dropped there. */
    void dropped(Connection transaction, SchemaName schema) {
        migrator.dropped(transaction, schema);
    }

    /**
     * Builds {@code target} as a copy of {@code source}: its structure and migration history, and all its rows when
     * {@code withData} (read in one snapshot, so the copy is consistent). Grants to {@code sourceRole} (the source
     * tenant's role, or {@code null}) are not copied; the target's own role is granted its schema afterwards.
     */
    void copy(SchemaName source, SchemaName target, boolean withData, String sourceRole) throws Exception {
        try (Connection connection = pool.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Jdbc.inTransaction(connection, tx -> {
                    ClonePlanReader.read(tx, source, historyTable, withData, sourceRole).apply(tx, target,
                            withData ? ClonePlan.Content.WITH_DATA : ClonePlan.Content.STRUCTURE);
                    migrator.copied(tx, source, target);
                    return null;
                });
            } finally {
                restore(connection, isolation);
            }
        }
    }

    private static void restore(Connection connection, int isolation) throws SQLException {
        if (!connection.isClosed()) {
            connection.setTransactionIsolation(isolation);
        }
    }
}
