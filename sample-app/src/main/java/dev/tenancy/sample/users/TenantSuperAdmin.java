package dev.tenancy.sample.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A tenant's administrator, who manages that tenant's users and settings: a user of the tenant's schema with a row
 * in the tenant's own {@code tenant_super_admins} table (there is none in public).
 */
@Entity
@Table(name = "tenant_super_admins")
public class TenantSuperAdmin {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, unique = true)
    private AppUser user;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    @Generated(event = EventType.INSERT)
    private Instant createdAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "permissions", nullable = false)
    private Map<String, Object> permissions = new HashMap<>();

    @Column(name = "can_create_users", nullable = false)
    private boolean canCreateUsers = true;

    @Column(name = "can_modify_settings", nullable = false)
    private boolean canModifySettings = true;

    protected TenantSuperAdmin() {
    }

    /** Makes {@code user} (a user of the current tenant) its super admin, with every right. */
    public TenantSuperAdmin(AppUser user) {
        this.user = user;
    }

    public Long getId() {
        return id;
    }

    public AppUser getUser() {
        return user;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Map<String, Object> getPermissions() {
        return permissions;
    }

    public boolean canCreateUsers() {
        return canCreateUsers;
    }

    public boolean canModifySettings() {
        return canModifySettings;
    }
}
