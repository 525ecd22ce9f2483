package dev.tenancy.test.app;

import dev.tenancy.core.model.TenantMixin;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;

@Entity
@Table(name = "tenants", schema = "public")
public class Tenant extends TenantMixin {

    private String name;

    private LocalDate paidUntil;

    public String getName() {
        return name;
    }

    public LocalDate getPaidUntil() {
        return paidUntil;
    }
}
