package dev.tenancy.sample;

import dev.tenancy.test.TenantTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the running sample application over real HTTP, with two test tenants from {@code tenancy-test-support}:
 * Acme ({@value #ACME}, {@code acme.localhost}) and Globex ({@value #GLOBEX}, {@code globex.localhost}), each with
 * its super admin and one regular user ({@link SampleFixture}). Tests run in Acme's context and take
 * {@code TenantClient}s and {@code TestTenant}s as parameters; {@code @TenantSchema(GLOBEX)} picks Globex's. Both
 * tenants are created once, for the first class, and put back as they were created after every test (their data,
 * their tenant rows and domains). Every class with this annotation shares one application context, on a database of
 * its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TenantTest(tenants = {
        @TenantTest.Tenant(schema = SampleAppTest.ACME, domain = "acme.localhost",
                values = {"name=Acme Anvils", "contact_email=admin@acme.example.com"}),
        @TenantTest.Tenant(schema = SampleAppTest.GLOBEX, domain = "globex.localhost",
                values = {"name=Globex Corporation", "contact_email=admin@globex.example.com"})})
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({SampleFixture.class, SecurityEvents.class})
public @interface SampleAppTest {

    /** The schema of the tenant tests run in. */
    String ACME = "tenant_acme";

    /** The schema of the second tenant. */
    String GLOBEX = "tenant_globex";
}
