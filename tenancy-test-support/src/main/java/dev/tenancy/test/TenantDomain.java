package dev.tenancy.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter that receives a {@link TenantTest} tenant's primary domain (the class's first
 * tenant, or the one named with {@link TenantSchema}).
 *
 * <pre>{@code
 * @Test
 * void listsNotes(@TenantDomain String host) {
 *     mvc.perform(get("/notes").header("Host", host)).andExpect(status().isOk());
 * }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TenantDomain {
}
