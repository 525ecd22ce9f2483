package dev.tenancy.core.provisioning;

import dev.tenancy.core.Tenants;
import dev.tenancy.core.provisioning.TenantRequest.TenantSetup;

import java.util.function.Supplier;

/**
 * How the provisioner keeps its work apart from a transaction its caller may have open. A provisioner operation
 * commits on its own connections, so it runs with the caller's transaction suspended; each application set-up step
 * ({@link TenantSetup}) then runs in the new tenant's context in a new transaction of its own, so that its connection
 * is opened for the new tenant. Plain Java code has no thread-bound transactions ({@link #NONE}); the Spring Boot
 * starter supplies one backed by the application's transaction manager.
 */
public interface ProvisioningTransactions {

    /** For code without thread-bound transactions: runs everything as it is. */
    ProvisioningTransactions NONE = new ProvisioningTransactions() {
        @Override
        public <T> T outsideTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void inNewTransaction(Tenants.Block<Exception> step) throws Exception {
            step.run();
        }
    };

    /** Runs {@code work} with the calling thread's transaction, if any, suspended; resumes it afterwards. */
    <T> T outsideTransaction(Supplier<T> work);

    /**
     * Runs {@code step} in a new transaction of its own: committed when it returns, rolled back when it throws, and
     * the step's exception rethrown as it is.
     */
    void inNewTransaction(Tenants.Block<Exception> step) throws Exception;
}
