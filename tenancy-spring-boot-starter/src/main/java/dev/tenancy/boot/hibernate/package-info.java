/** Hibernate integration: schema-per-tenant settings for Spring Boot's JPA persistence unit. */
package dev.tenancy.boot.hibernate;
