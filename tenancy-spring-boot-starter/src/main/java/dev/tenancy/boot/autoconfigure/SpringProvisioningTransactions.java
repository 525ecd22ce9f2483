package dev.tenancy.boot.autoconfigure;

import dev.tenancy.core.Tenants;
import dev.tenancy.core.provisioning.ProvisioningTransactions;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * {@link ProvisioningTransactions} on Spring's transaction manager: operations run with propagation
 * {@code NOT_SUPPORTED} (the caller's transaction suspended, and no resource bound for the operation's duration),
 * set-up steps with {@code REQUIRES_NEW}.
 */
final class SpringProvisioningTransactions implements ProvisioningTransactions {

    private final TransactionTemplate suspending;
    private final TransactionTemplate requiresNew;

    SpringProvisioningTransactions(PlatformTransactionManager transactionManager) {
        this.suspending = new TransactionTemplate(transactionManager);
        this.suspending.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.requiresNew = new TransactionTemplate(transactionManager);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public <T> T outsideTransaction(Supplier<T> work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return work.get();
        }
        return suspending.execute(status -> withoutSynchronization(work));
    }

    /**
     * Runs {@code work} with no synchronization scope: a {@code NOT_SUPPORTED} scope would otherwise bind the first
     * connection or EntityManager that the work opens, for whichever tenant, and hand it to all later work in it.
     */
    private static <T> T withoutSynchronization(Supplier<T> work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return work.get();
        }
        TransactionSynchronizationManager.clearSynchronization();
        try {
            return work.get();
        } finally {
            TransactionSynchronizationManager.initSynchronization();
        }
    }

    @Override
    public void inNewTransaction(Tenants.Block<Exception> step) throws Exception {
        try {
            requiresNew.executeWithoutResult(status -> {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure failure) {
            throw failure.checked;
        }
    }

    /** Carries a step's checked exception through the template, which rolls back on it. */
    private static final class CheckedFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Exception checked;

        CheckedFailure(Exception checked) {
            super(checked);
            this.checked = checked;
        }
    }
}
