package dev.tenancy.core.hibernate;

import dev.tenancy.core.model.DomainMixin;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An application's domain entity. */
@Entity
@Table(name = "domains", schema = "public")
public class Domain extends DomainMixin<Tenant> {
}
