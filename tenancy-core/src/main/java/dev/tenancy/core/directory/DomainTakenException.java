package dev.tenancy.core.directory;

import dev.tenancy.core.TenancyException;

/** Thrown when a host name is already registered (to this or another tenant); nothing was written. */
public final class DomainTakenException extends TenancyException {

    private static final long serialVersionUID = 1L;

    private final String domain;

    /** Creates the exception for {@code domain}. */
    public DomainTakenException(String domain) {
        super("The domain '" + domain + "' is already registered. Choose another host name, or remove it from "
                + "the tenant that has it first.");
        this.domain = domain;
    }

    /** The normalised host name that is taken. */
    public String domain() {
        return domain;
    }
}
