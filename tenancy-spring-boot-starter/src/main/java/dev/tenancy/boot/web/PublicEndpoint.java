package dev.tenancy.boot.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller or handler method that answers only public requests (a public host, or outside the tenant path
 * prefix): django-tenants' {@code PUBLIC_SCHEMA_URLCONF}. On a tenant's host it answers 404, as if it did not exist.
 * An annotation on the method wins over one on the class. Unannotated endpoints answer everywhere.
 *
 * @see TenantEndpoint
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicEndpoint {
}
