package dev.tenancy.core.provisioning;

import dev.tenancy.core.SchemaName;

import java.util.Map;

/**
 * One line of the audit: who did what to which tenant, and how it ended.
 *
 * @param actor who asked
 * @param action what was done
 * @param schema the tenant's schema, or null when the request named none that is valid
 * @param details what else is worth knowing (domains, source schema, ...); never secrets or column values
 * @param error for a failure, the exception's type and message; null on success
 */
record Audit(String actor, Action action, SchemaName schema, Map<String, String> details, String error) {

    private static final int MAX_ERROR = 2000;

    /** The actions written to the audit table's {@code action} column. */
    enum Action {
        CREATE, CLONE, ACTIVATE, DEACTIVATE, DROP, RENAME, ADD_DOMAIN, REMOVE_DOMAIN, CREATE_SCHEMA, RECOVER, ADOPT,
        ENABLE_ROLE
    }

    static Audit success(String actor, Action action, SchemaName schema, Map<String, String> details) {
        return new Audit(actor, action, schema, details, null);
    }

    static Audit failure(String actor, Action action, SchemaName schema, Map<String, String> details,
            Throwable error) {
        String text = error.getClass().getSimpleName() + ": " + SafeMessages.withoutRowValues(error.getMessage());
        String cut = text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
        return new Audit(actor, action, schema, details, cut);
    }

    boolean succeeded() {
        return error == null;
    }
}
