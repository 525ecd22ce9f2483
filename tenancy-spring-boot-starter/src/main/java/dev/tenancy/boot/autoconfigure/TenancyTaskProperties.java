package dev.tenancy.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Work handed to other threads under Tenancy ({@code tenancy.tasks.*}). */
@ConfigurationProperties("tenancy.tasks")
public class TenancyTaskProperties {

    /**
     * Whether work handed to Spring's executors and schedulers (@Async methods, the application task executor,
     * ThreadPoolTaskExecutor and SimpleAsyncTaskExecutor from Boot's builders, the task scheduler) and MVC async
     * requests (Callable, StreamingResponseBody) runs in the tenant of the code that handed it over. Without it,
     * such work runs in whatever context the worker thread has: public, or nothing the application can rely on.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
