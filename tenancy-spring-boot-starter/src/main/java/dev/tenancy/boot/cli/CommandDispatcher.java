package dev.tenancy.boot.cli;

import dev.tenancy.core.Tenants;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds, validates and runs {@link TenancyCommand}s by name, turning every outcome into an exit code: the command's
 * own, {@link TenancyCommand#USAGE} for a wrong command line (with the usage printed, nothing done), or
 * {@link TenancyCommand#FAILURE} when the command throws. {@code help} lists the commands; {@code <command> --help}
 * prints one command's usage.
 */
public final class CommandDispatcher {

    private static final Log log = LogFactory.getLog(CommandDispatcher.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final Map<String, TenancyCommand> commands = new TreeMap<>();

    /**
     * A dispatcher over {@code commands}.
     *
     * @throws IllegalArgumentException when a name is malformed or two commands share one
     */
    public CommandDispatcher(Collection<? extends TenancyCommand> commands) {
        for (TenancyCommand command : commands) {
            String name = command.name();
            if (name == null || !NAME.matcher(name).matches() || name.equals("help")) {
                throw new IllegalArgumentException("Command name '" + name + "' of " + command.getClass().getName()
                        + " must be lower-case words joined by hyphens, and not 'help'.");
            }
            TenancyCommand other = this.commands.putIfAbsent(name, command);
            if (other != null) {
                throw new IllegalArgumentException("Two commands are named '" + name + "': "
                        + other.getClass().getName() + " and " + command.getClass().getName()
                        + ". Rename one, or replace the built-in one by defining a bean of its class.");
            }
        }
    }

    /** The commands, by name. */
    public List<TenancyCommand> commands() {
        return new ArrayList<>(commands.values());
    }

    /** The command called {@code name}, if any. */
    public Optional<TenancyCommand> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /**
     * Runs the command line {@code commandLine}: the command's name followed by its arguments. The command runs
     * outside any tenant (in the public schema), even when this is called from code running inside one.
     *
     * @return the exit code
     */
    public int execute(List<String> commandLine, PrintStream out, PrintStream err) {
        if (commandLine.isEmpty() || commandLine.get(0).equals("help") || commandLine.get(0).equals("--help")) {
            printCommands(out);
            return TenancyCommand.SUCCESS;
        }
        String name = commandLine.get(0);
        Optional<TenancyCommand> command = find(name);
        if (command.isEmpty()) {
            err.println("Unknown command '" + name + "'.");
            printCommands(err);
            return TenancyCommand.USAGE;
        }
        List<String> arguments = commandLine.subList(1, commandLine.size());
        if (CommandLineParser.asksForHelp(command.get(), arguments)) {
            printUsage(command.get(), out);
            return TenancyCommand.SUCCESS;
        }
        CommandArguments parsed;
        try {
            parsed = parse(command.get(), arguments);
        } catch (CommandUsageException e) {
            return usageError(command.get(), e, err);
        }
        TenancyCommand chosen = command.get();
        return Tenants.callInPublic(() -> run(chosen, parsed, out, err));
    }

    /**
     * Validates {@code arguments} (what follows the command's name) against the command's options.
     *
     * @throws CommandUsageException when they are wrong
     */
    public CommandArguments parse(TenancyCommand command, List<String> arguments) {
        return CommandLineParser.parse(command, arguments);
    }

    /**
     * Runs {@code command} with already validated arguments, in the caller's tenant context (this is how
     * {@code tenant-command} runs a command inside each tenant), turning what happens into an exit code.
     */
    public int run(TenancyCommand command, CommandArguments arguments, PrintStream out, PrintStream err) {
        try {
            return command.run(arguments, out, err);
        } catch (CommandUsageException e) {
            return usageError(command, e, err);
        } catch (Exception e) {
            log.debug("Command " + command.name() + " failed", e);
            err.println(command.name() + " failed: " + e.getMessage());
            return TenancyCommand.FAILURE;
        }
    }

    /** Prints {@code command}'s usage: its syntax, description and options. */
    public void printUsage(TenancyCommand command, PrintStream stream) {
        StringBuilder line = new StringBuilder("Usage: ").append(command.name());
        for (CommandOption option : command.options()) {
            line.append(' ').append(option.required() ? option.syntax() : "[" + option.syntax() + "]");
        }
        if (!command.operands().isEmpty()) {
            line.append(' ').append(command.operands());
        }
        stream.println(line);
        stream.println("  " + command.description());
        command.options().stream().sorted(Comparator.comparing(CommandOption::name)).forEach(option ->
                stream.printf("  %-28s %s%n", option.syntax(), option.description()));
    }

    private int usageError(TenancyCommand command, CommandUsageException e, PrintStream err) {
        err.println(e.getMessage());
        printUsage(command, err);
        return TenancyCommand.USAGE;
    }

    private void printCommands(PrintStream stream) {
        stream.println("Commands (run '<command> --help' for its options):");
        commands.values().forEach(command -> stream.printf("  %-24s %s%n", command.name(), command.description()));
    }
}
