package dev.tenancy.core;

/**
 * Thrown when code switches tenant (or to or from public) while a transaction is bound to the thread: the transaction
 * holds a connection opened for the tenant it began in, so the switch would either keep reading the old tenant's
 * data or mix two tenants in one transaction. Start a new transaction for the other tenant instead, e.g. with
 * {@link Tenants#runForNewTransaction(SchemaName, Tenants.Block)} around a {@code REQUIRES_NEW} transaction.
 */
public class TenantSwitchRefusedException extends TenancyException {

    private static final long serialVersionUID = 1L;

    TenantSwitchRefusedException(SchemaName from, SchemaName to) {
        super("Switching from " + describe(from) + " to " + describe(to) + " while a transaction is active is "
                + "refused: the transaction's connection belongs to " + describe(from) + ". Finish the transaction "
                + "first, or run the other tenant's work in a new transaction of its own: "
                + "Tenants.runForNewTransaction(schema, () -> requiresNew.executeWithoutResult(status -> ...)) with a "
                + "TransactionTemplate whose propagation is REQUIRES_NEW, or a @Transactional(propagation = "
                + "REQUIRES_NEW) method called inside it.");
    }

    private static String describe(SchemaName tenant) {
        return tenant == null ? "public" : "tenant '" + tenant.value() + "'";
    }
}
