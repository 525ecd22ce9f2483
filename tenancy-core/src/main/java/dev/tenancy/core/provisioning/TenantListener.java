package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;
import dev.tenancy.core.TenancyException;

import java.time.Duration;
import java.util.Objects;

/**
 * Hears about tenants being created and deleted. Every method has an empty default, so a listener implements only
 * what it needs. Listeners run on the thread doing the change, in the order they were registered.
 *
 * <p>During creation, a listener that throws rolls the creation back: nothing is left behind, and the caller gets
 * a {@link TenancyException} whose cause is the listener's exception. Before a deletion, throwing cancels it.
 */
public interface TenantListener {

    /** The tenant row (state PROVISIONING) and its domains are written; the schema is not built yet. */
    default void beforeCreate(TenantInfo tenant) throws Exception {
    }

    /** The tenant's schema is built and migrated; the application's set-up steps have not run yet. */
    default void afterSchemaReady(TenantInfo tenant) throws Exception {
    }

    /**
     * Everything is in place; runs inside the transaction that marks the tenant ACTIVE, just before it commits,
     * so throwing still rolls the creation back.
     */
    default void afterCreate(TenantInfo tenant) throws Exception {
    }

    /**
     * A creation failed and what it had written was removed; undo here anything the application did outside the
     * database (a billing account, an e-mail queued). Exceptions thrown here are logged and ignored.
     */
    default void createFailed(TenantInfo tenant, Exception cause) {
    }

    /**
     * A creation, clone or adoption ended, with how the schema was built and how long it took (for metrics). Runs
     * last: after {@link #afterCreate} committed or after {@link #createFailed}; for adoptions, which run no other
     * listener method, it is the only call. Exceptions thrown here are logged and ignored.
     */
    default void creationEnded(CreationOutcome outcome) {
    }

    /**
     * A tenant is about to be deleted. When {@code dropsSchema} is set its schema is about to be dropped: the
     * place for a backup (django-tenants' {@code pre_drop}). Throwing cancels the deletion.
     */
    default void beforeDelete(TenantInfo tenant, boolean dropsSchema) throws Exception {
    }

    /**
     * A tenant was deactivated ({@code schemaDropped} false) or dropped with its schema and rows. Exceptions thrown
     * here are logged and ignored, since the deletion is already committed.
     */
    default void afterDelete(TenantInfo tenant, boolean schemaDropped) {
    }

    /**
     * How one tenant creation ended, as {@link TenantListener#creationEnded} hears it: for creations, clones and
     * adoptions that got past the checks of their request (a request refused before anything was written, e.g. for a
     * taken name, is not reported).
     *
     * @param schema the new tenant's schema
     * @param mode how its schema was built; for a creation that failed before building it, how it was going to be built
     * @param created whether the tenant was created (else everything the attempt wrote was removed)
     * @param duration from the start of the attempt to its end
     */
    public record CreationOutcome(SchemaName schema, CreationMode mode, boolean created, Duration duration) {

        /** Checks that no field is null. */
        public CreationOutcome {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** How a new tenant's schema is built: what {@link CreationOutcome#mode()} reports, e.g. as a metric's tag. */
    public enum CreationMode {
        /** Cloned from the migrated template schema (the fast way; the default when the template is usable). */
        TEMPLATE,
        /** Built by running the tenant migrations (no template, or the template could not be used). */
        MIGRATIONS,
        /** Copied from another tenant ({@link TenantProvisioner#cloneTenant}). */
        CLONE,
        /** Existing tables moved into it ({@link TenantProvisioner#adopt}). */
        ADOPTION
    }
}
