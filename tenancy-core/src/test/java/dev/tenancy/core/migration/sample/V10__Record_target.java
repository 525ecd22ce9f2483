package dev.tenancy.core.migration.sample;

import dev.tenancy.core.Tenants;
import dev.tenancy.core.migration.MigrationTarget;

import java.sql.PreparedStatement;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A Java migration for both sets that records where it ran and which tenant context it saw. */
public class V10__Record_target extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        MigrationTarget target = MigrationTarget.of(context);
        try (Statement create = context.getConnection().createStatement()) {
            create.execute("CREATE TABLE migration_targets (kind text, schema_name text, tenant_context text)");
        }
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO migration_targets VALUES (?, ?, ?)")) {
            insert.setString(1, target.kind().name());
            insert.setString(2, target.schema());
            insert.setString(3, Tenants.current().map(Object::toString).orElse("public"));
            insert.executeUpdate();
        }
    }
}
