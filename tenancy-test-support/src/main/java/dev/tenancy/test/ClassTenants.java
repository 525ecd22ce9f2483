package dev.tenancy.test;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The tenants one test class holds, from its start to its end; closing releases them to the registry (JUnit closes
 * it with the class's store).
 */
final class ClassTenants implements AutoCloseable {

    private final TenantRegistry registry;
    private final Class<?> testClass;
    private final TenantTestSettings settings;
    private final List<TestTenant> tenants;

    ClassTenants(TenantRegistry registry, Class<?> testClass, TenantTestSettings settings, List<TestTenant> tenants) {
        this.registry = registry;
        this.testClass = testClass;
        this.settings = settings;
        this.tenants = List.copyOf(tenants);
    }

    Class<?> testClass() {
        return testClass;
    }

    TenantTestSettings settings() {
        return settings;
    }

    List<TestTenant> tenants() {
        return tenants;
    }

    /** The tenant tests run in: the first one declared. */
    TestTenant first() {
        return tenants.get(0);
    }

    /** The tenant with {@code schema}, for a {@link TenantSchema} parameter. */
    TestTenant bySchema(String schema) {
        return tenants.stream().filter(tenant -> tenant.schema().value().equals(schema)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("@TenantSchema(\"" + schema + "\") names no tenant "
                        + "of " + testClass.getName() + "; its tenants are " + tenants.stream()
                        .map(tenant -> tenant.schema().value()).collect(Collectors.joining(", ")) + "."));
    }

    /** Resets the tenants' data after a test, when the class resets after each test. */
    void testFinished() {
        if (settings.reset() == TenantTest.Reset.AFTER_EACH_TEST) {
            registry.reset(this);
        }
    }

    @Override
    public void close() {
        registry.release(this);
    }
}
