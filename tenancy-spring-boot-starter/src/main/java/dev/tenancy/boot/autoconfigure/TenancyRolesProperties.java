package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.roles.TenantRoles;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tenant roles: PostgreSQL itself keeps tenants apart ({@code tenancy.roles.*}). */
@ConfigurationProperties("tenancy.roles")
public class TenancyRolesProperties {

    /**
     * Whether each tenant has its own PostgreSQL role and every connection serving a tenant runs as it, so that
     * PostgreSQL refuses ("permission denied") any statement reaching another tenant's schema, even one naming it
     * explicitly. The provisioner creates, renames and drops the roles with the tenants; switch an existing fleet on
     * with the {@code enable-tenant-roles} command. The login role needs CREATEROLE (PostgreSQL 16 or later); the
     * start-up checks refuse to start without either, saying which is missing.
     */
    private boolean enabled = false;

    /**
     * The start of every tenant role's name, followed by the schema name (prefix and schema together at most 63
     * bytes). Roles belong to the whole PostgreSQL cluster: databases of one cluster need different prefixes.
     */
    private String prefix = TenantRoles.DEFAULT_PREFIX;

    /**
     * The group role every tenant role belongs to: grant it what tenant code needs of shared tables, e.g.
     * {@code GRANT SELECT ON public.plans TO tenancy_tenants}. It must not start with the prefix.
     */
    private String group = TenantRoles.DEFAULT_GROUP;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
