package dev.tenancy.sample.tenants;

import dev.tenancy.core.model.DomainMixin;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A host name that serves a tenant, e.g. {@code acme.localhost}: one row in {@code public.domains}. */
@Entity
@Table(name = "domains", schema = "public")
public class Domain extends DomainMixin<Tenant> {
}
