package dev.tenancy.test;

import dev.tenancy.core.TenantScope;
import dev.tenancy.core.Tenants;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Registered in {@code META-INF/spring.factories}: around each test method of a {@link TenantTest} class run by
 * Spring, sets the tenant context before Spring's own per-test work ({@code @Transactional} test transactions,
 * {@code @Sql} scripts) and resets the tenants' data after it (after the test transaction rolled back, before a
 * {@code @DirtiesContext} closes the context). Its order, {@value #ORDER}, puts it between Spring's
 * {@code DirtiesContextTestExecutionListener} (3000) and {@code TransactionalTestExecutionListener} (4000).
 */
final class TenantTestExecutionListener implements TestExecutionListener, Ordered {

    static final int ORDER = 3500;

    private static final String SCOPE = TenantTestExecutionListener.class.getName() + ".scope";

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (TenantTestSettings.find(testContext.getTestClass()).isEmpty()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        if (!context.containsBean(SpringTenants.BEAN_NAME)) {
            return;
        }
        ClassTenants held = held(testContext);
        if (held == null) {
            throw new IllegalStateException("The application context of " + testContext.getTestClass().getName()
                    + " holds none of its test tenants: it was replaced while the class ran (@DirtiesContext on a "
                    + "method?). @TenantTest tenants live as long as the context; mark the class @DirtiesContext "
                    + "instead of its methods.");
        }
        testContext.setAttribute(SCOPE, Tenants.enter(held.first().schema()));
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (!(testContext.removeAttribute(SCOPE) instanceof TenantScope scope)) {
            return;
        }
        try {
            ClassTenants held = held(testContext);
            if (held != null) {
                held.testFinished();
            }
        } finally {
            scope.close();
        }
    }

    private static ClassTenants held(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        return context.getBean(SpringTenants.BEAN_NAME, SpringTenants.class).registry()
                .heldBy(testContext.getTestClass()).orElse(null);
    }
}
