package dev.tenancy.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks which of a {@link TenantTest} class's tenants a {@link TestTenant}, {@link TenantDomain} or
 * {@link TenantClient} parameter is for, by the tenant's schema. Without it, parameters are for the class's first
 * tenant.
 *
 * <pre>{@code
 * @TenantTest(tenants = {@TenantTest.Tenant(schema = "acme"), @TenantTest.Tenant(schema = "globex")})
 * class IsolationTest {
 *     @Test
 *     void eachHostSeesItsOwnNotes(TenantClient acme, @TenantSchema("globex") TenantClient globex) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TenantSchema {

    /** The schema of one of the class's tenants. */
    String value();
}
