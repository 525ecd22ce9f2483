package dev.tenancy.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.commons.support.AnnotationSupport;

/** A {@link TenantTest} annotation, validated: the tenants to create, the mode and the migrations of plain tests. */
record TenantTestSettings(List<TenantSpec> tenants, TenantTest.Mode mode, TenantTest.Reset reset,
        List<String> sharedMigrations, List<String> tenantMigrations) {

    TenantTestSettings {
        tenants = List.copyOf(tenants);
        sharedMigrations = List.copyOf(sharedMigrations);
        tenantMigrations = List.copyOf(tenantMigrations);
    }

    /** The settings of {@code testClass}: its own {@link TenantTest}, or that of a class enclosing it. */
    static TenantTestSettings of(Class<?> testClass) {
        TenantTest annotation = find(testClass).orElseThrow(() -> new IllegalStateException(testClass.getName()
                + " is run by the tenant test extension but is not annotated with @TenantTest; annotate it (or "
                + "the class it is nested in) with @TenantTest instead of registering the extension by hand."));
        return of(annotation, testClass);
    }

    /**
     * The {@link TenantTest} annotation of {@code testClass} or of a class enclosing it: present, inherited, or on
     * an annotation of theirs (a composed annotation such as {@code @MyAppTest}).
     */
    static Optional<TenantTest> find(Class<?> testClass) {
        for (Class<?> current = testClass; current != null; current = current.getEnclosingClass()) {
            Optional<TenantTest> annotation = AnnotationSupport.findAnnotation(current, TenantTest.class);
            if (annotation.isPresent()) {
                return annotation;
            }
        }
        return Optional.empty();
    }

    private static TenantTestSettings of(TenantTest annotation, Class<?> testClass) {
        List<TenantSpec> specs = new ArrayList<>();
        try {
            if (annotation.tenants().length == 0) {
                specs.add(TenantSpec.of(annotation.schema(), annotation.domain(), annotation.values()));
            }
            for (TenantTest.Tenant tenant : annotation.tenants()) {
                specs.add(TenantSpec.of(tenant.schema(), tenant.domain(), tenant.values()));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("@TenantTest of " + testClass.getName() + ": " + e.getMessage(), e);
        }
        List<String> seed = List.of(annotation.seed());
        specs.replaceAll(spec -> spec.withSeed(seed));
        Set<Object> seen = new HashSet<>();
        for (TenantSpec spec : specs) {
            if (!seen.add(spec.schema()) || !seen.add(spec.domain())) {
                throw new IllegalArgumentException("@TenantTest of " + testClass.getName() + " names schema "
                        + spec.schema() + " or domain " + spec.domain() + " twice; each tenant needs its own.");
            }
        }
        return new TenantTestSettings(specs, annotation.mode(), annotation.reset(),
                List.of(annotation.sharedMigrations()), List.of(annotation.tenantMigrations()));
    }
}
