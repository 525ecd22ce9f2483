package dev.tenancy.boot.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A command run as {@code java -jar app.jar <name> [--options]} (django's {@code manage.py} commands). Every bean of
 * this type is a command: the application starts without its web server, runs the command, and the JVM exits with the
 * code {@link #run} returns.
 *
 * <p>Options ({@code --name=VALUE}, {@code --name VALUE} or {@code --flag}) are validated before {@code run} is
 * called: unknown options, missing required ones, values given to flags and other options given no value are refused
 * with the command's usage and exit code {@link #USAGE}. A command checks the rest itself (e.g. that two options are
 * not combined) and throws {@link CommandUsageException}, which is treated the same way. Any other exception prints
 * its message and exits with {@link #FAILURE}. Commands run outside any tenant (in the public schema) unless run
 * through {@code tenant-command}.
 */
public interface TenancyCommand {

    /** Exit code: the command did what it was asked. */
    int SUCCESS = 0;
    /** Exit code: the command failed. */
    int FAILURE = 1;
    /** Exit code: the command line was wrong; nothing was done. */
    int USAGE = 2;

    /** The command's name: lower-case words joined by hyphens, e.g. {@code create-domain}. */
    String name();

    /** One line saying what the command does, for the command list and usage. */
    String description();

    /** The options the command accepts; none by default. */
    default List<CommandOption> options() {
        return List.of();
    }

    /**
     * What the command takes after its options, for the usage line (e.g. {@code <command> [options]}); empty (the
     * default) when it takes nothing, in which case any further argument is refused.
     */
    default String operands() {
        return "";
    }

    /**
     * Runs the command.
     *
     * @param arguments the validated options and operands
     * @param out where to print what the command did
     * @param err where to print problems
     * @return the exit code: {@link #SUCCESS}, {@link #FAILURE}, or another non-zero code
     * @throws CommandUsageException when the arguments do not make sense together; nothing must have been done
     * @throws Exception when the command fails
     */
    int run(CommandArguments arguments, PrintStream out, PrintStream err) throws Exception;
}
