package com.example.notes;

import dev.tenancy.core.model.DomainMixin;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Step 2 of the conversion: the domain table, shared. */
@Entity
@Table(name = "domains", schema = "public")
public class Domain extends DomainMixin<Tenant> {
}
