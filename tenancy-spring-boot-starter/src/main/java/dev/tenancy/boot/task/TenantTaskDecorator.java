package dev.tenancy.boot.task;

import dev.tenancy.core.Tenants;

import org.springframework.core.task.TaskDecorator;

/**
 * Runs each task in the tenant context of the code that submitted it, and in public when that code ran in public,
 * whatever tenant the worker thread last served or still holds. Tenancy registers it as a bean, so Spring Boot puts
 * it on every executor and scheduler its builders make (the application task executor behind {@code @Async} and
 * MVC async requests, {@code ThreadPoolTaskExecutor}, {@code SimpleAsyncTaskExecutor} with or without virtual
 * threads, the task scheduler); set it on executors the application builds without Boot's builders.
 */
public final class TenantTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable task) {
        return Tenants.wrap(task);
    }
}
