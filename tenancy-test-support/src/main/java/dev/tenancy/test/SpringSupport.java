package dev.tenancy.test;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.ClassUtils;

/**
 * What {@link TenantTestExtension} does for Spring tests, kept apart so that plain tests never load a Spring class:
 * tenants come from the test's application context, and {@link TenantClient}s talk to its server or MockMvc.
 */
final class SpringSupport {

    private static final String HTTP_CLIENT = "org.apache.hc.client5.http.impl.classic.HttpClients";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SpringSupport.class);

    private SpringSupport() {
    }

    /**
     * Acquires the tenants of a Spring test class from its application context's {@link SpringTenants}. The test
     * run's root store removes the context's idle tenants when the run ends, while the context (which Spring keeps
     * until the JVM exits) can still reach its database.
     */
    static ClassTenants acquire(ExtensionContext extensionContext, TenantTestSettings settings) {
        ApplicationContext context = SpringExtension.getApplicationContext(extensionContext);
        if (!context.containsBean(SpringTenants.BEAN_NAME)) {
            throw new IllegalStateException("The application context of " + extensionContext.getRequiredTestClass()
                    .getName() + " was not prepared for @TenantTest: it was not loaded by Spring's TestContext "
                    + "framework with the context customizers of META-INF/spring.factories (a custom ContextLoader?).");
        }
        TenantRegistry registry = context.getBean(SpringTenants.BEAN_NAME, SpringTenants.class).registry();
        extensionContext.getRoot().getStore(NAMESPACE).computeIfAbsent(registry,
                key -> (AutoCloseable) registry::removeIdle, AutoCloseable.class);
        return registry.acquire(extensionContext.getRequiredTestClass(), settings);
    }

    /**
     * A client for {@code tenant}: over HTTP to the test's server when one runs ({@code local.server.port} is set),
     * through the context's {@link MockMvc} otherwise.
     */
    static TenantClient client(ExtensionContext extensionContext, TestTenant tenant) {
        ApplicationContext context = SpringExtension.getApplicationContext(extensionContext);
        Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
        if (port != null && port > 0) {
            if (!ClassUtils.isPresent(HTTP_CLIENT, SpringSupport.class.getClassLoader())) {
                throw new IllegalStateException("A TenantClient for a running server needs Apache HttpClient 5 "
                        + "(org.apache.httpcomponents.client5:httpclient5) on the test class path: it can send the "
                        + "tenant's Host header, which java.net.http refuses to.");
            }
            Supplier<ClientHttpRequestFactory> sessions = () -> HttpSessions.newSession(extensionContext);
            return new TenantClient(tenant.domain(), new TenantClient.Target(port, sessions));
        }
        MockMvc mockMvc = context.getBeanProvider(MockMvc.class).getIfAvailable();
        if (mockMvc == null) {
            throw new IllegalStateException("A TenantClient needs MockMvc (annotate the test class with "
                    + "@AutoConfigureMockMvc) or a running server (@SpringBootTest(webEnvironment = RANDOM_PORT)).");
        }
        return new TenantClient(tenant.domain(), new TenantClient.Target(0, () -> new MockMvcSession(mockMvc)));
    }
}
