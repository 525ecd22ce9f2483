package dev.tenancy.boot.cli;

import dev.tenancy.core.InvalidInputException;
import dev.tenancy.core.SchemaName;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command's validated arguments: the values of its {@code --name=VALUE} (or {@code --name VALUE}) options, the
 * flags it was given, and the operands after its options.
 */
public final class CommandArguments {

    private final Map<String, List<String>> values;
    private final List<String> operands;

    /** Flags map to an empty string; repeatable options to their values in the order given. */
    CommandArguments(Map<String, List<String>> values, List<String> operands) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, given) -> copy.put(name, List.copyOf(given)));
        this.values = Collections.unmodifiableMap(copy);
        this.operands = List.copyOf(operands);
    }

    /**
     * The value of an option the command declared required (the dispatcher has checked it is there).
     *
     * @throws CommandUsageException when it was not given
     */
    public String value(String name) {
        return optionalValue(name).orElseThrow(() -> new CommandUsageException("Missing option --" + name + "."));
    }

    /** The value of an option, if given (the first one, for a repeatable option). */
    public Optional<String> optionalValue(String name) {
        return values(name).stream().findFirst().filter(value -> !value.isEmpty());
    }

    /** Every value of a repeatable option, in the order given; empty when it was not given. */
    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /**
     * The value of a required option as a validated tenant schema name.
     *
     * @param reserved names the application reserves on top of the built-in ones
     * @throws CommandUsageException when it was not given or is not a valid schema name
     */
    public SchemaName schema(String name, Collection<String> reserved) {
        try {
            return SchemaName.of(value(name), reserved);
        } catch (InvalidInputException e) {
            throw new CommandUsageException("--" + name + ": " + e.getMessage());
        }
    }

    /** Whether the flag (or option) {@code --name} was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The arguments after the options, e.g. the command that {@code tenant-command} runs; empty when none. */
    public List<String> operands() {
        return operands;
    }
}
