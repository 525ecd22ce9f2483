package dev.tenancy.boot.task;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenantScope;
import dev.tenancy.core.Tenants;

import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;

import java.util.concurrent.Callable;

/**
 * Runs the {@code Callable}s and {@code StreamingResponseBody}s that MVC controllers return in the tenant of the
 * request that returned them, whichever executor Spring MVC runs them on, and leaves the worker thread as it found
 * it.
 */
final class TenantCallableInterceptor implements CallableProcessingInterceptor {

    private static final String TENANT = TenantCallableInterceptor.class.getName() + ".tenant";
    private static final String SCOPE = TenantCallableInterceptor.class.getName() + ".scope";
    private static final Object PUBLIC = new Object();

    @Override
    public <T> void beforeConcurrentHandling(NativeWebRequest request, Callable<T> task) {
        SchemaName tenant = Tenants.currentOrNull();
        request.setAttribute(TENANT, tenant == null ? PUBLIC : tenant, RequestAttributes.SCOPE_REQUEST);
    }

    @Override
    public <T> void preProcess(NativeWebRequest request, Callable<T> task) {
        Object tenant = request.getAttribute(TENANT, RequestAttributes.SCOPE_REQUEST);
        if (tenant == null) {
            return;
        }
        TenantScope scope = tenant instanceof SchemaName schema ? Tenants.enter(schema) : Tenants.enterPublic();
        request.setAttribute(SCOPE, scope, RequestAttributes.SCOPE_REQUEST);
    }

    @Override
    public <T> void postProcess(NativeWebRequest request, Callable<T> task, Object result) {
        if (request.getAttribute(SCOPE, RequestAttributes.SCOPE_REQUEST) instanceof TenantScope scope) {
            request.removeAttribute(SCOPE, RequestAttributes.SCOPE_REQUEST);
            scope.close();
        }
    }
}
