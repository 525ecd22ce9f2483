package dev.tenancy.boot.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates the arguments after a command's name against its {@link TenancyCommand#options()}. Options
 * are {@code --name=VALUE}, {@code --name VALUE} or {@code --flag}, each given once unless declared repeatable. An
 * option declared to take a value takes the next argument as its value when it is written without {@code =} and the
 * next argument does not start with {@code --} (so a value starting with {@code --} must be written
 * {@code --name=--value}); a flag never takes the next argument. Options whose name contains a dot (e.g.
 * {@code --spring.profiles.active=dev}) are Spring Boot properties and are left to Spring. The first argument that is
 * neither an option nor an option's value starts the operands.
 */
final class CommandLineParser {

    private CommandLineParser() {
    }

    /** Whether {@code arguments} ask for the command's help ({@code --help} among its options). */
    static boolean asksForHelp(TenancyCommand command, List<String> arguments) {
        Map<String, CommandOption> declared = declared(command);
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                return false;
            }
            if (argument.equals("--help")) {
                return true;
            }
            if (takesNext(declared.get(argument.substring(2)), arguments, i)) {
                i++;
            }
        }
        return false;
    }

    static CommandArguments parse(TenancyCommand command, List<String> arguments) {
        Map<String, CommandOption> declared = declared(command);
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                if (command.operands().isEmpty()) {
                    throw new CommandUsageException("Unexpected argument '" + argument + "'.");
                }
                operands.addAll(arguments.subList(i, arguments.size()));
                break;
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument.substring(2) : argument.substring(2, equals);
            if (name.contains(".")) {
                continue;
            }
            CommandOption option = declared.get(name);
            if (option == null) {
                throw new CommandUsageException("Unknown option --" + name + ".");
            }
            if (values.containsKey(name) && !option.repeatable()) {
                throw new CommandUsageException("Option --" + name + " is given twice.");
            }
            String value = equals < 0 ? null : argument.substring(equals + 1);
            if (option.isFlag() && value != null) {
                throw new CommandUsageException("Option --" + name + " is a flag and takes no value.");
            }
            if (value == null && takesNext(option, arguments, i)) {
                value = arguments.get(++i);
            }
            if (!option.isFlag() && (value == null || value.isBlank())) {
                throw new CommandUsageException("Option --" + name + " needs a value: " + option.syntax() + ".");
            }
            values.computeIfAbsent(name, given -> new ArrayList<>()).add(option.isFlag() ? "" : value);
        }
        List<String> missing = command.options().stream()
                .filter(option -> option.required() && !values.containsKey(option.name()))
                .map(CommandOption::syntax)
                .toList();
        if (!missing.isEmpty()) {
            throw new CommandUsageException("Missing " + (missing.size() == 1 ? "option " : "options ")
                    + String.join(", ", missing) + ".");
        }
        return new CommandArguments(values, operands);
    }

    private static Map<String, CommandOption> declared(TenancyCommand command) {
        Map<String, CommandOption> declared = new HashMap<>();
        command.options().forEach(option -> declared.put(option.name(), option));
        return declared;
    }

    /**
     * Whether {@code option}, written without {@code =} at {@code index}, takes the next argument as its value: it
     * is declared to take one and the next argument is there and is no {@code --option}.
     */
    private static boolean takesNext(CommandOption option, List<String> arguments, int index) {
        return option != null && !option.isFlag() && index + 1 < arguments.size()
                && !arguments.get(index + 1).startsWith("--");
    }
}
