package dev.tenancy.boot.jobs;

import dev.tenancy.core.SchemaName;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EmbeddedValueResolverAware;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringValueResolver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

/**
 * Finds {@link TenantScheduled} methods on beans and, once the application context has started, schedules each one
 * for every active tenant through {@link TenantJobs}; cancels them when the context closes.
 */
public final class TenantScheduledProcessor implements BeanPostProcessor, ApplicationListener<ContextRefreshedEvent>,
        ApplicationContextAware, EmbeddedValueResolverAware, DisposableBean {

    private record Declared(Object bean, Method method, Trigger trigger) {
    }

    private final ObjectProvider<TenantJobs> jobs;
    private final List<Declared> declared = new CopyOnWriteArrayList<>();
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private ApplicationContext context;
    private StringValueResolver values;

    /** Schedules through the {@link TenantJobs} bean, looked up when the context has started. */
    public TenantScheduledProcessor(ObjectProvider<TenantJobs> jobs) {
        this.jobs = jobs;
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void setEmbeddedValueResolver(StringValueResolver resolver) {
        this.values = resolver;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, TenantScheduled> methods = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<TenantScheduled>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, TenantScheduled.class));
        methods.forEach((method, annotation) -> {
            String where = beanName + "." + method.getName();
            checkParameters(method, where);
            Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
            ReflectionUtils.makeAccessible(invocable);
            declared.add(new Declared(bean, invocable, trigger(annotation, where)));
        });
        return bean;
    }

    @Override
    public synchronized void onApplicationEvent(ContextRefreshedEvent event) {
        if (event.getApplicationContext() != context || !scheduled.isEmpty()) {
            return;
        }
        TenantJobs tenantJobs = jobs.getObject();
        for (Declared job : declared) {
            scheduled.add(tenantJobs.scheduleForEachActive(job.trigger(), tenant -> invoke(job, tenant)));
        }
    }

    @Override
    public synchronized void destroy() {
        scheduled.forEach(future -> future.cancel(false));
        scheduled.clear();
    }

    private static Object invoke(Declared job, SchemaName tenant) throws Exception {
        Object[] arguments = job.method().getParameterCount() == 0 ? new Object[0] : new Object[] {tenant};
        try {
            return job.method().invoke(job.bean(), arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void checkParameters(Method method, String where) {
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length > 1 || (parameters.length == 1 && parameters[0] != SchemaName.class)) {
            throw new IllegalStateException("@TenantScheduled method " + where + " must take no parameter or one "
                    + "SchemaName (the tenant).");
        }
    }

    private Trigger trigger(TenantScheduled annotation, String where) {
        String cron = resolve(annotation.cron());
        String fixedDelay = resolve(annotation.fixedDelay());
        String fixedRate = resolve(annotation.fixedRate());
        int given = (cron.isEmpty() ? 0 : 1) + (fixedDelay.isEmpty() ? 0 : 1) + (fixedRate.isEmpty() ? 0 : 1);
        if (given != 1) {
            throw new IllegalStateException("@TenantScheduled method " + where + " must give exactly one of cron, "
                    + "fixedDelay and fixedRate.");
        }
        try {
            if (!cron.isEmpty()) {
                String zone = resolve(annotation.zone());
                return zone.isEmpty() ? new CronTrigger(cron) : new CronTrigger(cron, ZoneId.of(zone));
            }
            PeriodicTrigger trigger = new PeriodicTrigger(DurationStyle.detectAndParse(
                    fixedDelay.isEmpty() ? fixedRate : fixedDelay));
            trigger.setFixedRate(fixedDelay.isEmpty());
            String initialDelay = resolve(annotation.initialDelay());
            if (!initialDelay.isEmpty()) {
                trigger.setInitialDelay(DurationStyle.detectAndParse(initialDelay));
            }
            return trigger;
        } catch (RuntimeException e) {
            throw new IllegalStateException("@TenantScheduled method " + where + " has an invalid schedule: "
                    + e.getMessage(), e);
        }
    }

    private String resolve(String value) {
        if (value.isEmpty() || values == null) {
            return value;
        }
        String resolved = values.resolveStringValue(value);
        return resolved == null ? "" : resolved.trim();
    }
}
