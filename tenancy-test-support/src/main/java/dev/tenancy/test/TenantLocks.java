package dev.tenancy.test;

import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * One JUnit resource lock per tenant schema of a {@link TenantTest} class, so that under parallel execution two
 * classes using the same test tenant never run at the same time (and a class's own methods run one at a time).
 */
final class TenantLocks implements ResourceLocksProvider {

    static final String PREFIX = "dev.tenancy.test.tenant:";

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        Set<Lock> locks = new LinkedHashSet<>();
        if (TenantTestSettings.find(testClass).isEmpty()) {
            return locks;
        }
        try {
            for (TenantSpec spec : TenantTestSettings.of(testClass).tenants()) {
                locks.add(new Lock(PREFIX + spec.schema().value()));
            }
        } catch (RuntimeException invalid) {
            // The extension reports the invalid annotation when the class starts; no lock is needed for that.
            locks.clear();
        }
        return locks;
    }
}
