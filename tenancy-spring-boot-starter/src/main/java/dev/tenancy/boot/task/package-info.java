/**
 * The tenant follows work handed to other threads: {@link dev.tenancy.boot.task.TenantTaskDecorator} for Spring's
 * executors and schedulers, MVC async requests, and {@link dev.tenancy.boot.task.TenantThreadLocalAccessor} for
 * Micrometer's context propagation.
 */
package dev.tenancy.boot.task;
