package dev.tenancy.boot.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates the arguments after a command's name against its {@link TenancyCommand#options()}. Options
 * are {@code --name=VALUE} or {@code --flag}, each given once unless declared repeatable; options whose name contains
 * a dot (e.g. {@code --spring.profiles.active=dev}) are Spring Boot properties and are left to Spring. The first
 * argument that is not an option starts the operands.
 */
final class CommandLineParser {

    private CommandLineParser() {
    }

    /** Whether {@code arguments} ask for the command's help ({@code --help} among its options). */
    static boolean asksForHelp(List<String> arguments) {
        for (String argument : arguments) {
            if (!argument.startsWith("--")) {
                return false;
            }
            if (argument.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    static CommandArguments parse(TenancyCommand command, List<String> arguments) {
        Map<String, CommandOption> declared = new HashMap<>();
        command.options().forEach(option -> declared.put(option.name(), option));
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
}
