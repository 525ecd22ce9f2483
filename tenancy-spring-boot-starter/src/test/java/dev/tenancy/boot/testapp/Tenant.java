package dev.tenancy.boot.testapp;

import dev.tenancy.core.model.TenantMixin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The application's tenant: shared, in public. */
@Entity
@Table(name = "tenants", schema = "public")
public class Tenant extends TenantMixin {

    @Column(name = "name", nullable = false)
    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
