package dev.tenancy.boot.cli;

import dev.tenancy.core.InvalidInputException;

import java.util.function.Supplier;

/**
 * What the commands that go through the {@code TenantProvisioner} share: the actor they record in the audit, and
 * the input problems the provisioner finds (a bad subdomain, a reserved name, an unknown column) turned into usage
 * errors, since nothing was written. Its other exceptions (tenant not found, already exists, busy, a failed step)
 * reach the {@link CommandDispatcher}, which prints their message and exits with {@link TenancyCommand#FAILURE}.
 */
final class ProvisionerCalls {

    private ProvisionerCalls() {
    }

    /** Who runs the command, for the audit: {@code command:<operating-system user>}. */
    static String actor() {
        return "command:" + System.getProperty("user.name", "unknown");
    }

    /** Runs a provisioner operation, turning the input problems it finds into a {@link CommandUsageException}. */
    static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (InvalidInputException e) {
            throw new CommandUsageException(String.join(System.lineSeparator(), e.problems()));
        }
    }

    /** Runs a provisioner operation that returns nothing; see {@link #call(Supplier)}. */
    static void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }
}
