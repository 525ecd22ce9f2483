package dev.tenancy.sample.users;

import java.util.Locale;

/** What a user may do, from the requirements' three tiers. */
public enum Role {
    /** Creates and manages every tenant; a public user. */
    SUPER_SUPER_ADMIN,
    /** Manages one tenant's users and settings; a user of that tenant. */
    TENANT_SUPER_ADMIN,
    /** A tenant's (or the platform's) ordinary user. */
    USER;

    /** The role as the API writes it, e.g. {@code tenant_super_admin}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
