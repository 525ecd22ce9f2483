/** Loading data into a tenant: SQL scripts and application seeders, on creation or for an existing tenant. */
package dev.tenancy.core.seed;
