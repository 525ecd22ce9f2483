package dev.tenancy.test.postgres;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a fresh database of its own on the JVM's {@link TestPostgres} server, dropped after the
 * class. Inject it as a {@link TestDatabase} parameter of a {@code @BeforeAll} method, a constructor or a test.
 *
 * <pre>{@code
 * @ExtendWith(TestDatabaseExtension.class)
 * class MyTest {
 *     @BeforeAll
 *     static void setUp(TestDatabase database) { ... }
 * }
 * }</pre>
 */
public final class TestDatabaseExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestDatabaseExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return databaseFor(context);
    }

    /** The database of the test class that {@code context} belongs to, created on first use. */
    public static TestDatabase databaseFor(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext.getStore(NAMESPACE).computeIfAbsent(testClass,
                key -> TestPostgres.server().createDatabase(testClass.getSimpleName()), TestDatabase.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
