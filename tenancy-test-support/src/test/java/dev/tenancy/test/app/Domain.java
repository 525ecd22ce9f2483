package dev.tenancy.test.app;

import dev.tenancy.core.model.DomainMixin;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "domains", schema = "public")
public class Domain extends DomainMixin<Tenant> {
}
