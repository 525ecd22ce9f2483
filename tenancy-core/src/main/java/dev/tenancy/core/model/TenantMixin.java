package dev.tenancy.core.model;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The base of an application's tenant entity (the counterpart of django-tenants' {@code TenantMixin}); the
 * application extends it with its own fields and names its table, e.g.
 *
 * <pre>{@code
 * @Entity @Table(name = "tenants", schema = "public")
 * public class Tenant extends TenantMixin { private String name; ... }
 * }</pre>
 *
 * <p>Columns (the names Tenancy's JDBC code relies on): {@code id}, {@code schema_name} (unique),
 * {@code auto_create_schema}, {@code auto_drop_schema}, {@code status}.
 *
 * <p>{@code schema_name} and {@code status} belong to the {@code TenantProvisioner}, which writes them with JDBC
 * (create, rename, activate, deactivate): they are mapped read-only, so saving a tenant entity loaded before a
 * concurrent rename or deactivation never writes the stale values back. Create tenants with the provisioner, not
 * with {@code persist}.
 */
@MappedSuperclass
public abstract class TenantMixin {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "schema_name", nullable = false, unique = true, length = SchemaName.MAX_BYTES, insertable = false,
            updatable = false)
    private String schemaName;

    @Column(name = "auto_create_schema", nullable = false)
    private boolean autoCreateSchema = true;

    @Column(name = "auto_drop_schema", nullable = false)
    private boolean autoDropSchema;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20, insertable = false, updatable = false)
    private TenantStatus status = TenantStatus.PROVISIONING;

    /** The database identity, or {@code null} before the tenant is saved. */
    public Long getId() {
        return id;
    }

    /** The tenant's schema, validated. */
    public SchemaName getSchema() {
        return schemaName == null ? null : SchemaName.of(schemaName);
    }

    /** The tenant's schema name as stored. */
    public String getSchemaName() {
        return schemaName;
    }

    /**
     * Sets the schema name in memory after validating it ({@link SchemaName#of(String)}); saving the entity does not
     * write it (use {@code TenantProvisioner.renameSchema}).
     *
     * @throws dev.tenancy.core.InvalidInputException when the name breaks a rule
     */
    public void setSchemaName(String schemaName) {
        this.schemaName = SchemaName.of(schemaName).value();
    }

    /** Whether creating the tenant creates its schema (default {@code true}). */
    public boolean isAutoCreateSchema() {
        return autoCreateSchema;
    }

    /** Sets whether creating the tenant creates its schema. */
    public void setAutoCreateSchema(boolean autoCreateSchema) {
        this.autoCreateSchema = autoCreateSchema;
    }

    /** Whether deleting the tenant drops its schema (default {@code false}: the schema is kept). */
    public boolean isAutoDropSchema() {
        return autoDropSchema;
    }

    /** Sets whether deleting the tenant drops its schema. */
    public void setAutoDropSchema(boolean autoDropSchema) {
        this.autoDropSchema = autoDropSchema;
    }

    /** The tenant's lifecycle status; new tenants start as {@link TenantStatus#PROVISIONING}. */
    public TenantStatus getStatus() {
        return status;
    }

    /**
     * Sets the lifecycle status in memory; saving the entity does not write it (use {@code TenantProvisioner}'s
     * {@code activate} and {@code deactivate}).
     */
    public void setStatus(TenantStatus status) {
        this.status = java.util.Objects.requireNonNull(status, "status");
    }

    /** Where a tenant is in its life. Only {@link #ACTIVE} tenants are served. */
    public enum TenantStatus {
        /** Being created: its schema or its application data may not be complete yet. Never served. */
        PROVISIONING,
        /** Fully created and served. */
        ACTIVE,
        /** Switched off (soft-deleted or suspended): its schema is kept, its hosts are refused. */
        INACTIVE;

        /** Whether requests for a tenant in this state may be served. */
        public boolean isServed() {
            return this == ACTIVE;
        }
    }
}
