package dev.tenancy.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What @TenantTest accepts, and what it says about what it refuses. */
class TenantTestSettingsTest {

    @TenantTest
    static class Defaults {
    }

    @TenantTest(tenants = {@TenantTest.Tenant(schema = "tenant_acme"), @TenantTest.Tenant(schema = "globex",
            domain = "Globex.Example.COM", values = "name=Globex")}, mode = TenantTest.Mode.FRESH)
    static class Several {
        @org.junit.jupiter.api.Nested
        class Inner {
        }
    }

    @TenantTest(schema = "Bad-Name")
    static class InvalidSchema {
    }

    @TenantTest(tenants = {@TenantTest.Tenant(schema = "one", domain = "same.localhost"),
            @TenantTest.Tenant(schema = "two", domain = "same.localhost")})
    static class SameDomain {
    }

    @TenantTest(values = "status=INACTIVE")
    static class OwnColumn {
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @TenantTest(schema = "composed", mode = TenantTest.Mode.FRESH)
    @interface ComposedTenantTest {
    }

    @ComposedTenantTest
    static class Composed {
    }

    @Test
    void theDefaultTenantIsTestAtTestLocalhost() {
        TenantTestSettings settings = TenantTestSettings.of(Defaults.class);
        assertThat(settings.tenants()).singleElement().satisfies(spec -> {
            assertThat(spec.schema().value()).isEqualTo("test");
            assertThat(spec.domain()).isEqualTo("test.localhost");
        });
        assertThat(settings.mode()).isEqualTo(TenantTest.Mode.REUSED);
        assertThat(settings.reset()).isEqualTo(TenantTest.Reset.AFTER_EACH_TEST);
    }

    @Test
    void severalTenantsKeepTheirOrderAndNestedClassesUseTheEnclosingAnnotation() {
        TenantTestSettings settings = TenantTestSettings.of(Several.Inner.class);
        assertThat(settings.tenants()).extracting(TenantSpec::domain)
                .containsExactly("tenant-acme.localhost", "globex.example.com");
        assertThat(settings.tenants().get(1).values()).isEqualTo(Map.of("name", "Globex"));
        assertThat(settings.mode()).isEqualTo(TenantTest.Mode.FRESH);
    }

    @Test
    void aComposedAnnotationCarriesTheSettings() {
        TenantTestSettings settings = TenantTestSettings.of(Composed.class);
        assertThat(settings.tenants()).extracting(spec -> spec.schema().value()).containsExactly("composed");
        assertThat(settings.mode()).isEqualTo(TenantTest.Mode.FRESH);
    }

    @Test
    void invalidSettingsNameTheClassAndTheRule() {
        assertThatThrownBy(() -> TenantTestSettings.of(InvalidSchema.class))
                .hasMessageStartingWith("@TenantTest of " + InvalidSchema.class.getName() + ": Schema name 'Bad-Name'");
        assertThatThrownBy(() -> TenantTestSettings.of(SameDomain.class))
                .hasMessageContaining("names schema two or domain same.localhost twice");
        assertThatThrownBy(() -> TenantTestSettings.of(OwnColumn.class))
                .hasMessageContaining("sets status, which the test extension sets itself");
    }

    @Test
    void classesWithTheSameSchemaShareOneResourceLock() {
        assertThat(new TenantLocks().provideForClass(Several.class)).extracting(lock -> lock.getKey())
                .containsExactly("dev.tenancy.test.tenant:tenant_acme", "dev.tenancy.test.tenant:globex");
        assertThat(new TenantLocks().provideForClass(InvalidSchema.class)).isEmpty();
        assertThat(new TenantLocks().provideForClass(TenantTestSettingsTest.class)).isEmpty();
    }
}
