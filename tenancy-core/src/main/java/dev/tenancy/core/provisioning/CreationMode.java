package dev.tenancy.core.provisioning;

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
