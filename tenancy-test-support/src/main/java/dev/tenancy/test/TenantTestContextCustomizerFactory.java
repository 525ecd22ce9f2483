package dev.tenancy.test;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Registered in {@code META-INF/spring.factories}: gives the application context of every {@link TenantTest} class
 * its {@link TenantTestContextCustomizer}. Other test classes are left alone.
 */
final class TenantTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configurationAttributes) {
        return TenantTestSettings.find(testClass)
                .map(annotation -> new TenantTestContextCustomizer(annotation.testDatabase()))
                .orElse(null);
    }
}
