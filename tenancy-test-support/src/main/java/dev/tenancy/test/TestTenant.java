package dev.tenancy.test;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.Tenants;

import java.util.Objects;

/**
 * A tenant created by {@link TenantTest} for a test class: its schema, primary domain and tenant row id, and a way
 * to run code as this tenant. Take it as a parameter of a test, lifecycle method or constructor:
 *
 * <pre>{@code
 * @Test
 * void notesStayInTheirTenant(TestTenant acme, @TenantSchema("globex") TestTenant globex) {
 *     acme.run(() -> notes.save(new Note("hello")));
 *     assertThat(globex.call(() -> notes.count())).isZero();
 * }
 * }</pre>
 */
public final class TestTenant {

    private final SchemaName schema;
    private final String domain;
    private final long id;

    TestTenant(SchemaName schema, String domain, long id) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.id = id;
    }

    /** The tenant's schema. */
    public SchemaName schema() {
        return schema;
    }

    /** The tenant's primary domain, normalised (lower case, no port). */
    public String domain() {
        return domain;
    }

    /** The id of the tenant's row in the tenant table. */
    public long id() {
        return id;
    }

    /** Runs {@code block} as this tenant, then restores the previous tenant context. */
    public <E extends Exception> void run(Tenants.Block<E> block) throws E {
        Tenants.run(schema, block);
    }

    /** Computes a value as this tenant, then restores the previous tenant context. */
    public <T, E extends Exception> T call(Tenants.Action<T, E> action) throws E {
        return Tenants.call(schema, action);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestTenant that && id == that.id && schema.equals(that.schema)
                && domain.equals(that.domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, domain, id);
    }

    @Override
    public String toString() {
        return "TestTenant[" + schema + " at " + domain + "]";
    }
}
