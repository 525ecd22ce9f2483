package dev.tenancy.test;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantScope;
import dev.tenancy.core.Tenants;
import dev.tenancy.core.jdbc.TenantAwareDataSource;

import java.lang.reflect.Method;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link TenantTest}. Before a class's tests it acquires the class's tenants (from the plain
 * test database, or from the Spring application context) and keeps them in the class's store, which releases them
 * when the class ends; it runs test and lifecycle methods in the first tenant's context, resets the tenants' data
 * after each test of a plain class (Spring classes: {@link TenantTestExecutionListener} does it, around Spring's own
 * per-test work), and resolves {@link TestTenant}, {@link TenantDomain} {@code String}, {@link TenantClient} and (plain
 * tests) {@link DataSource} parameters.
 */
final class TenantTestExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver,
        InvocationInterceptor {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TenantTestExtension.class);
    private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";
    private static final String CLIENT = "dev.tenancy.test.TenantClient";

    @Override
    public void beforeAll(ExtensionContext context) {
        tenants(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!isSpringTest(context)) {
            tenants(context).testFinished();
        }
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runInTenant(invocation, context);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runInTenant(invocation, context);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        requireSpringListener(context);
        runInTenant(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        requireSpringListener(context);
        runInTenant(invocation, context);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
            ExtensionContext context) throws Throwable {
        runInTenant(invocation, context);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runInTenant(invocation, context);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runInTenant(invocation, context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestTenant.class
                || type == String.class && parameter.isAnnotated(TenantDomain.class)
                || type.getName().equals(CLIENT)
                || (type == DataSource.class || type == TenantAwareDataSource.class) && !isSpringTest(context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        try {
            if (type == DataSource.class || type == TenantAwareDataSource.class) {
                tenants(context);
                return context.getStore(NAMESPACE).get(PlainDatabase.class, PlainDatabase.class).dataSource();
            }
            ClassTenants held = tenants(context);
            Optional<TenantSchema> schema = parameter.findAnnotation(TenantSchema.class);
            TestTenant tenant = schema.isPresent() ? held.bySchema(schema.get().value()) : held.first();
            if (type == TestTenant.class) {
                return tenant;
            }
            if (type == String.class) {
                return tenant.domain();
            }
            if (!isSpringTest(context)) {
                throw new ParameterResolutionException("A TenantClient talks to a Spring web application; "
                        + context.getRequiredTestClass().getName() + " is not a Spring test (add @SpringBootTest).");
            }
            return SpringSupport.client(context, tenant);
        } catch (RuntimeException e) {
            if (e instanceof ParameterResolutionException) {
                throw e;
            }
            throw new ParameterResolutionException("Could not resolve " + parameter.getParameter() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The tenants of the context's test class (or of the class it is nested in), acquired on first use. */
    private static ClassTenants tenants(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        ClassTenants held = store.get(ClassTenants.class, ClassTenants.class);
        if (held != null) {
            return held;
        }
        ExtensionContext classContext = classContext(context);
        TenantTestSettings settings = TenantTestSettings.of(classContext.getRequiredTestClass());
        if (isSpringTest(classContext)) {
            held = SpringSupport.acquire(classContext, settings);
        } else {
            PlainEnvironment environment = PlainEnvironment.of(classContext, settings);
            held = environment.registry().acquire(classContext.getRequiredTestClass(), settings);
            classContext.getStore(NAMESPACE).put(PlainDatabase.class, new PlainDatabase(environment.dataSource()));
        }
        classContext.getStore(NAMESPACE).put(ClassTenants.class, held);
        return held;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static void runInTenant(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        SchemaName schema = tenants(context).first().schema();
        TenantScope scope = Tenants.enter(schema);
        try {
            invocation.proceed();
        } finally {
            scope.close();
        }
    }

    /** Spring tests rely on the listener for the tenant context around Spring's per-test work; it must have run. */
    private static void requireSpringListener(ExtensionContext context) {
        if (isSpringTest(context) && !tenants(context).first().schema().equals(Tenants.currentOrNull())) {
            throw new IllegalStateException(context.getRequiredTestClass().getName() + " is a @TenantTest run by "
                    + "Spring, but Tenancy's TenantTestExecutionListener did not run before the test. If the class "
                    + "declares @TestExecutionListeners, add mergeMode = MERGE_WITH_DEFAULTS.");
        }
    }

    /** Whether Spring's extension runs the test class (declared on it, a superclass, or a class it is nested in). */
    private static boolean isSpringTest(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            for (ExtendWith extendWith : AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class)) {
                for (Class<?> extension : extendWith.value()) {
                    if (extension.getName().equals(SPRING_EXTENSION)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The plain test database's tenant-aware DataSource, kept in the class's store (not closed with it). */
    private record PlainDatabase(TenantAwareDataSource dataSource) {
    }
}
