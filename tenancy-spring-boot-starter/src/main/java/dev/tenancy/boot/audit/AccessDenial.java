package dev.tenancy.boot.audit;

/** Why a request was refused a tenant. */
public enum AccessDenial {
    /** No tenant is served at the request's address (a refused {@code Host}). */
    UNKNOWN_HOST,
    /** The request's tenant address is not a valid host name. */
    INVALID_HOST,
    /** The address belongs to a tenant that is not active. */
    TENANT_INACTIVE,
    /** The address belongs to a tenant still being provisioned. */
    TENANT_PROVISIONING,
    /** Credentials or a session of one tenant were presented on another tenant's address. */
    CROSS_TENANT_CREDENTIALS
}
