package com.example.notes;

import dev.tenancy.core.model.TenantMixin;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Step 2 of the conversion: the tenant table, shared. */
@Entity
@Table(name = "tenants", schema = "public")
public class Tenant extends TenantMixin {

    private String name;

    public String getName() {
        return name;
    }
}
