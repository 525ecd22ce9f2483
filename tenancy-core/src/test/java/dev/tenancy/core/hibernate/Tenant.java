package dev.tenancy.core.hibernate;

import dev.tenancy.core.model.TenantMixin;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An application's tenant entity, as the requirements describe it (shortened). */
@Entity
@Table(name = "tenants", schema = "public")
public class Tenant extends TenantMixin {

    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
