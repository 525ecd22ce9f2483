package dev.tenancy.boot.cli;

import dev.tenancy.core.TenancyException;

/**
 * The command line is wrong: a missing, unknown or malformed option, or options that do not make sense together.
 * The command's usage is printed and it exits with {@link TenancyCommand#USAGE}; nothing was done.
 */
public class CommandUsageException extends TenancyException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what is wrong and what is expected. */
    public CommandUsageException(String message) {
        super(message);
    }
}
