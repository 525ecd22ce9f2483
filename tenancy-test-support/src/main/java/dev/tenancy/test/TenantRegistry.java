package dev.tenancy.test;

import dev.tenancy.core.SchemaName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test tenants alive in one {@link TenantEnvironment}, and which test class holds each. A class
 * {@linkplain #acquire acquires} its tenants when it starts: a reused tenant that matches is taken as it is (its data
 * reset), anything else is created; it {@linkplain #release releases} them when it ends: reused tenants are reset
 * and kept, fresh ones removed. {@link #close()} removes every tenant still alive.
 *
 * <p>A tenant is held by one class at a time. JUnit's resource locks ({@link TenantLocks}) keep classes that share a
 * schema apart; if they run at the same time anyway, the second one fails with a message saying why.
 */
final class TenantRegistry implements AutoCloseable {

    private final TenantEnvironment environment;
    private final Map<SchemaName, Entry> entries = new HashMap<>();
    private final Map<Class<?>, ClassTenants> holders = new ConcurrentHashMap<>();
    private boolean closed;

    TenantRegistry(TenantEnvironment environment) {
        this.environment = environment;
    }

    /** Gives {@code testClass} the tenants {@code settings} ask for, creating or reusing them. */
    ClassTenants acquire(Class<?> testClass, TenantTestSettings settings) {
        List<Entry> reserved = reserve(testClass, settings);
        TestTenantFactory factory = environment.factory(settings);
        List<TestTenant> tenants = new ArrayList<>();
        try {
            for (int i = 0; i < reserved.size(); i++) {
                tenants.add(prepare(reserved.get(i), settings.tenants().get(i), settings, factory));
            }
        } catch (RuntimeException e) {
            for (Entry entry : reserved) {
                try {
                    if (entry.tenant != null && !entry.reusable) {
                        remove(entry);
                    }
                } catch (RuntimeException removal) {
                    e.addSuppressed(removal);
                } finally {
                    free(entry);
                }
            }
            throw e;
        }
        ClassTenants held = new ClassTenants(this, testClass, settings, tenants);
        holders.put(testClass, held);
        return held;
    }

    /** The tenants held by {@code testClass}, or by the class it is nested in. */
    Optional<ClassTenants> heldBy(Class<?> testClass) {
        for (Class<?> current = testClass; current != null; current = current.getEnclosingClass()) {
            ClassTenants held = holders.get(current);
            if (held != null) {
                return Optional.of(held);
            }
        }
        return Optional.empty();
    }

    /** Resets the data of a class's tenants; a tenant that cannot be reset is removed when the class ends. */
    void reset(ClassTenants held) {
        for (TestTenant tenant : held.tenants()) {
            Entry entry = entry(tenant);
            if (entry == null || entry.tenant == null) {
                continue;
            }
            try {
                resetData(entry);
            } catch (RuntimeException e) {
                entry.reusable = false;
                throw e;
            }
        }
    }

    /**
     * Takes back a class's tenants: reused ones are reset and kept, the others removed. Tenants already removed (the
     * registry was closed with its Spring context, e.g. by {@code @DirtiesContext}) are skipped.
     */
    void release(ClassTenants held) {
        holders.remove(held.testClass());
        RuntimeException failure = null;
        for (TestTenant tenant : held.tenants()) {
            Entry entry = entry(tenant);
            if (entry == null || entry.tenant == null) {
                continue;
            }
            try {
                if (entry.reusable) {
                    resetData(entry);
                } else {
                    remove(entry);
                }
            } catch (RuntimeException e) {
                entry.reusable = false;
                failure = added(failure, e);
                try {
                    if (entry.tenant != null) {
                        remove(entry);
                    }
                } catch (RuntimeException removal) {
                    e.addSuppressed(removal);
                }
            } finally {
                free(entry);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Removes the tenants no class holds now; the registry stays open, and later classes create them again. Called
     * when a test run ends, for the registries of Spring contexts, which may outlive the run.
     */
    void removeIdle() {
        List<Entry> idle = new ArrayList<>();
        synchronized (this) {
            entries.values().removeIf(entry -> {
                boolean remove = entry.holder == null && entry.tenant != null;
                if (remove) {
                    idle.add(entry);
                }
                return remove;
            });
        }
        RuntimeException failure = null;
        for (Entry entry : idle) {
            try {
                remove(entry);
            } catch (RuntimeException e) {
                failure = added(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Removes every tenant still alive; the registry takes no more classes. */
    @Override
    public void close() {
        List<Entry> alive;
        synchronized (this) {
            closed = true;
            alive = new ArrayList<>(entries.values());
            entries.clear();
        }
        RuntimeException failure = null;
        for (Entry entry : alive) {
            if (entry.tenant != null) {
                try {
                    remove(entry);
                } catch (RuntimeException e) {
                    failure = added(failure, e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private synchronized List<Entry> reserve(Class<?> testClass, TenantTestSettings settings) {
        if (closed) {
            throw new IllegalStateException("The test tenants of this database were already removed (its Spring "
                    + "application context or test run has ended); " + testClass.getName() + " cannot use them.");
        }
        for (TenantSpec spec : settings.tenants()) {
            for (Entry entry : entries.values()) {
                boolean sameSchema = entry.spec.schema().equals(spec.schema());
                if ((sameSchema || entry.spec.domain().equals(spec.domain())) && entry.holder != null) {
                    throw new IllegalStateException("Test tenant " + entry.spec.schema() + " (" + entry.spec.domain()
                            + ") is in use by " + entry.holder.getName() + ", so " + testClass.getName() + " cannot "
                            + "have " + spec.schema() + " (" + spec.domain() + ") now. Classes sharing a tenant schema "
                            + "or domain must not run at the same time: JUnit's parallel execution keeps classes with "
                            + "the same @TenantTest schema apart, so give each tenant its own schema and domain.");
                }
            }
        }
        List<Entry> reserved = new ArrayList<>();
        for (TenantSpec spec : settings.tenants()) {
            Entry entry = entries.computeIfAbsent(spec.schema(), schema -> new Entry(spec, settings));
            entry.holder = testClass;
            reserved.add(entry);
        }
        return reserved;
    }

    private TestTenant prepare(Entry entry, TenantSpec spec, TenantTestSettings settings, TestTenantFactory factory) {
        TenantTest.Mode mode = settings.mode();
        if (entry.tenant != null && entry.reusable && mode == TenantTest.Mode.REUSED && specOf(entry).equals(spec)) {
            resetData(entry);
            return entry.tenant;
        }
        if (entry.tenant != null) {
            remove(entry);
        }
        removeOthersWithDomain(spec);
        TestTenant tenant = factory.create(spec);
        created(entry, spec, settings, tenant);
        environment.tenantChanged(tenant);
        entry.reset = TenantDataReset.capture(environment.pool(), tenant, factory.tables());
        entry.reusable = mode == TenantTest.Mode.REUSED;
        return tenant;
    }

    /** Resets the entry's tenant; when its own rows were put back, caches of tenant lookups forget it. */
    private void resetData(Entry entry) {
        if (entry.reset.reset()) {
            environment.tenantChanged(entry.tenant);
        }
    }

    private synchronized TenantSpec specOf(Entry entry) {
        return entry.spec;
    }

    private synchronized void created(Entry entry, TenantSpec spec, TenantTestSettings settings, TestTenant tenant) {
        entry.spec = spec;
        entry.settings = settings;
        entry.tenant = tenant;
    }

    private void removeOthersWithDomain(TenantSpec spec) {
        List<Entry> others = new ArrayList<>();
        synchronized (this) {
            entries.values().removeIf(entry -> {
                boolean other = entry.holder == null && entry.tenant != null
                        && entry.spec.domain().equals(spec.domain());
                if (other) {
                    others.add(entry);
                }
                return other;
            });
        }
        for (Entry other : others) {
            remove(other);
        }
    }

    /** Removes the entry's tenant, with a factory for the settings it was created with. */
    private void remove(Entry entry) {
        TestTenant tenant = entry.tenant;
        entry.tenant = null;
        entry.reset = null;
        environment.factory(entry.settings).remove(tenant);
        environment.tenantChanged(tenant);
    }

    private synchronized Entry entry(TestTenant tenant) {
        return entries.get(tenant.schema());
    }

    private synchronized void free(Entry entry) {
        entry.holder = null;
        if (entry.tenant == null) {
            entries.remove(entry.spec.schema(), entry);
        }
    }

    private static RuntimeException added(RuntimeException failure, RuntimeException e) {
        if (failure == null) {
            return e;
        }
        failure.addSuppressed(e);
        return failure;
    }

    /** One tenant schema: what it was created as, its data reset, and the class holding it. */
    private static final class Entry {
        TenantSpec spec;
        TenantTestSettings settings;
        TestTenant tenant;
        TenantDataReset reset;
        boolean reusable;
        Class<?> holder;

        Entry(TenantSpec spec, TenantTestSettings settings) {
            this.spec = spec;
            this.settings = settings;
        }
    }
}
