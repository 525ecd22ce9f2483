package dev.tenancy.boot.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.boot.TestAppTest;
import dev.tenancy.boot.testapp.Tenant;
import dev.tenancy.core.SchemaName;
import dev.tenancy.core.provisioning.TenantProvisioner;
import dev.tenancy.core.provisioning.TenantRequest;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

/**
 * A tenant's {@code schema_name} and {@code status} are the provisioner's: an application that saves a whole tenant
 * entity loaded before a concurrent rename and deactivation writes back its own columns only.
 */
@TestAppTest
class TenantColumnsOwnershipTest {

    @Autowired
    TenantProvisioner provisioner;

    @Autowired
    EntityManager entities;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTheTenant() {
        for (String schema : new String[] {"tenant_racing", "tenant_raced"}) {
            jdbc.update("DELETE FROM public.tenants WHERE schema_name = ?", schema);
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void aWholeEntitySaveKeepsTheProvisionersSchemaNameAndStatus() {
        long id = provisioner.create(TenantRequest.schema("tenant_racing").value("name", "Racing")).id();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        Tenant loadedByTheAdminScreen = transaction.execute(status -> entities.find(Tenant.class, id));
        assertThat(loadedByTheAdminScreen.getSchemaName()).isEqualTo("tenant_racing");

        provisioner.renameSchema(SchemaName.of("tenant_racing"), SchemaName.of("tenant_raced"), "ops");
        provisioner.deactivate(SchemaName.of("tenant_raced"), "ops");

        loadedByTheAdminScreen.setName("Racing Ltd");
        transaction.executeWithoutResult(status -> entities.merge(loadedByTheAdminScreen));

        Map<String, Object> row = jdbc.queryForMap("SELECT schema_name, status, name FROM public.tenants WHERE id = ?",
                id);
        assertThat(row).containsEntry("schema_name", "tenant_raced").containsEntry("status", "INACTIVE")
                .containsEntry("name", "Racing Ltd");
    }

    @Test
    void activatingAgainServesTheTenant() {
        provisioner.create(TenantRequest.schema("tenant_racing").value("name", "Racing"));
        provisioner.deactivate(SchemaName.of("tenant_racing"), "ops");
        provisioner.activate(SchemaName.of("tenant_racing"), "ops");
        assertThat(jdbc.queryForList("SELECT action || ':' || outcome FROM public.tenancy_audit WHERE schema_name = "
                + "'tenant_racing' AND action IN ('ACTIVATE', 'DEACTIVATE') ORDER BY id", String.class))
                .containsExactly("DEACTIVATE:SUCCESS", "ACTIVATE:SUCCESS");
        assertThat(jdbc.queryForObject("SELECT status FROM public.tenants WHERE schema_name = 'tenant_racing'",
                String.class)).isEqualTo("ACTIVE");
    }
}
