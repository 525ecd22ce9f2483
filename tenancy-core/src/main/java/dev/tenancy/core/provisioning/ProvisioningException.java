package dev.tenancy.core.provisioning;

import dev.tenancy.core.TenancyException;

/**
 * A provisioning step failed after the input was validated. For a creation, everything the attempt had written
 * was removed before this was thrown (unless the message says the clean-up failed too, in which case
 * {@link TenantProvisioner#recoverInterrupted()} removes the leftovers). The cause is the step's own exception.
 */
public class ProvisioningException extends TenancyException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what failed and what to do. */
    public ProvisioningException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the step's exception. */
    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
