package dev.tenancy.boot.testapp;

import dev.tenancy.core.model.DomainMixin;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A host name of a tenant: shared, in public. */
@Entity
@Table(name = "domains", schema = "public")
public class Domain extends DomainMixin<Tenant> {
}
